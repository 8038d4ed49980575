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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organisation-wide budget: N requests per rolling minute over all endpoints, then 429 + Retry-After. */
class RateLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SlackAuditLogsSimulator simulator;
    private ApiClient client;

    @BeforeEach
    void start() {
        simulator = SlackAuditLogsSimulator.builder().events(20).rateLimitPerMinute(3).clock(clock).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void requestsWithinTheBudgetSucceed() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.logs("").statusCode());
        }
    }

    @Test
    void aRequestBeyondTheBudgetGets429WithRetryAfterAndRatelimited() {
        useBudget();

        HttpResponse<String> response = client.logs("");

        assertEquals(429, response.statusCode());
        assertEquals("60", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"ok\":false,\"error\":\"ratelimited\"}", response.body());
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheOldestRequestLeavesTheWindow() {
        client.logs("");
        clock.advance(Duration.ofMillis(20_500));
        client.logs("");
        client.logs("");

        HttpResponse<String> response = client.logs("");

        assertEquals("40", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        useBudget();
        clock.advance(Duration.ofMillis(59_999));

        HttpResponse<String> response = client.logs("");

        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void requestsSucceedAgainOnceTheWindowHasPassed() {
        useBudget();
        assertEquals(429, client.logs("").statusCode());

        clock.advance(Duration.ofSeconds(60));

        assertEquals(200, client.logs("").statusCode());
    }

    @Test
    void everyEndpointDrawsFromTheSameBudget() {
        client.get("/schemas");
        client.get("/actions");
        client.logs("");

        assertEquals(429, client.get("/schemas").statusCode());
    }

    @Test
    void rateLimitedRequestsAreLogged() {
        useBudget();
        client.logs("");

        List<Integer> statuses = simulator.requests().stream().map(RecordedRequest::status).collect(Collectors.toList());

        assertEquals(List.of(200, 200, 200, 429), statuses);
    }

    @Test
    void zeroMeansUnlimited() {
        simulator.close();
        simulator = SlackAuditLogsSimulator.builder().events(5).rateLimitPerMinute(0).clock(clock).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");

        for (int i = 0; i < 100; i++) {
            assertEquals(200, client.logs("").statusCode());
        }
    }

    private void useBudget() {
        for (int i = 0; i < 3; i++) {
            client.logs("");
        }
    }
}
