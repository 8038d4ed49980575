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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.slackaudit.simulator.RecordedRequest;

/**
 * What the simulator's request log says about one drain: the reference for request counts, because it sees what
 * arrived rather than what a client believes it sent.
 *
 * @param requests     {@code /logs} requests that arrived
 * @param rateLimited  of those, answered 429
 * @param windows      distinct {@code oldest..latest} ranges asked for
 * @param minimumPages the fewest pages those same windows take (overlap included), see {@link PageCounter}
 */
record RequestAudit(int requests, int rateLimited, int windows, long minimumPages) {

    static final String LOGS_PATH = "/audit/v1/logs";

    /** Reads the log first, then counts pages (which sends requests of its own). */
    static RequestAudit of(List<RecordedRequest> log, PageCounter pages, int limit) {
        int requests = 0;
        int rateLimited = 0;
        Set<List<Long>> windows = new LinkedHashSet<>();
        for (RecordedRequest request : log) {
            if (!LOGS_PATH.equals(request.path())) {
                continue;
            }
            requests++;
            if (request.status() == 429) {
                rateLimited++;
            }
            windows.add(List.of(Long.parseLong(request.param("oldest")), Long.parseLong(request.param("latest"))));
        }
        long minimumPages = windows.stream().mapToLong(window -> pages.pages(window.get(0), window.get(1), limit)).sum();
        return new RequestAudit(requests, rateLimited, windows.size(), minimumPages);
    }
}
