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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer that is fully decided before a single byte goes out, so that it can be logged first and
 * then damaged by a {@link Fault} (delayed, truncated, or cut off) exactly as decided.
 */
final class Reply {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Duration delay;
    private final boolean dropConnection;

    private Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean dropConnection) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.delay = delay;
        this.dropConnection = dropConnection;
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, Map.of("Content-Type", JSON), body, Duration.ZERO, false);
    }

    /** Slack's error shape: {@code {"ok":false,"error":"<code>"}}. */
    static Reply error(int status, String code) {
        return json(status, ("{\"ok\":false,\"error\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static Reply rateLimited(long retryAfterSeconds) {
        return error(429, "ratelimited").withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    static Reply html(int status, String html) {
        return new Reply(status, Map.of("Content-Type", HTML), html.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), new byte[0], Duration.ZERO, false);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, Collections.unmodifiableMap(more), body, delay, dropConnection);
    }

    Reply delayedBy(Duration extra) {
        return new Reply(status, headers, body, delay.plus(extra), dropConnection);
    }

    /** Keeps the first half of the body; any proper prefix of a JSON object is invalid JSON. */
    Reply truncated() {
        return new Reply(status, headers, Arrays.copyOf(body, body.length / 2), delay, dropConnection);
    }

    /** Announces the whole body but sends only its first half before closing the socket. */
    Reply droppingConnectionMidBody() {
        return new Reply(status, headers, body, delay, true);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    Duration delay() {
        return delay;
    }

    boolean dropsConnection() {
        return dropConnection;
    }
}
