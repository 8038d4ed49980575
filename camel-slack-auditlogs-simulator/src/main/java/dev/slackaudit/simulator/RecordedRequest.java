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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the simulator saw it, for tests that assert what a client sent.
 *
 * @param method     the HTTP method, e.g. {@code GET}
 * @param path       the request path, e.g. {@code /audit/v1/logs}
 * @param query      the decoded query parameters in the order sent (the first value of a repeated name)
 * @param headers    the request headers by lower-case name (repeated headers joined by {@code ","}); the
 *                   {@code authorization} value is redacted to {@code "<scheme> <redacted>"}, so a token never
 *                   reaches a test report
 * @param authorized whether the request carried the token the simulator accepts
 * @param status     the status the simulator answered with (also when a fault then damaged the answer)
 * @param time       when the request arrived, on the simulator's clock
 */
public record RecordedRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                              boolean authorized, int status, Instant time) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(time, "time");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The decoded value of query parameter {@code name}, or {@code null} if the request did not send it. */
    public String param(String name) {
        return query.get(name);
    }
}
