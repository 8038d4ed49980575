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
