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
package dev.slackaudit.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The head of one HTTP request as {@link LoopbackHttpServer} read it.
 *
 * @param method   the method as sent, e.g. {@code GET}
 * @param path     the decoded path, e.g. {@code /audit/v1/logs}
 * @param rawQuery the query string as sent (still %-encoded), or {@code null} if there is none
 * @param headers   the header values by lower-case name, in the order sent
 * @param keepAlive whether the client lets the connection carry another request afterwards
 * @param arrival   when the request line was read, on the server clock
 */
record IncomingRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                       boolean keepAlive, Instant arrival) {

    /** The first value of header {@code lowerCaseName}, or {@code null}. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
