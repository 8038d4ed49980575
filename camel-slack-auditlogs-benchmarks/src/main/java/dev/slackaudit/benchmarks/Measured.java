/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.slackaudit.benchmarks;

/**
 * One drain as the harness saw it: the contender's own report, the simulator's request log, and (when verifying)
 * the id check; or why it failed (an OutOfMemoryError under a small -Xmx is a result, not a harness error).
 */
record Measured(int round, ContenderKind contender, int limit, DrainResult drain, RequestAudit requests, IdCheck ids,
                String failure) {

    static Measured failed(int round, ContenderKind contender, int limit, RequestAudit requests, String failure) {
        return new Measured(round, contender, limit, null, requests, null, failure);
    }

    boolean succeeded() {
        return failure == null;
    }
}
