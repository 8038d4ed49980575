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
 * The range every contender drains, as Slack's {@code /logs} takes it.
 *
 * @param baseUrl              the API root, e.g. {@code http://127.0.0.1:port/audit/v1}
 * @param token                the bearer token the simulator accepts
 * @param oldest               first second (inclusive)
 * @param latest               last second (inclusive)
 * @param limit                page size asked for
 * @param maxRequestsPerMinute the component's client-side pacing (only the component has one; 0 = off)
 * @param componentOptions     extra URI options for the component, e.g. {@code windowSize=PT15M} (may be empty)
 */
record DrainTarget(String baseUrl, String token, long oldest, long latest, int limit, int maxRequestsPerMinute,
                   String componentOptions) {
}
