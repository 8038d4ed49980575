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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's clock: the builder's clock shifted by clockOffset, stamped into every response's Date header. */
class ServerClockTest {

    private static final Instant MACHINE_NOW = Instant.parse("2026-01-05T09:03:07Z");
    private static final Duration BEHIND = Duration.ofSeconds(-120);

    private final MutableClock clock = new MutableClock(MACHINE_NOW);
    private SlackAuditLogsSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private ApiClient start(SlackAuditLogsSimulator.Builder builder) {
        simulator = builder.clock(clock).clockOffset(BEHIND).build().start();
        return new ApiClient(simulator, "xoxp-simulator");
    }

    private static String date(HttpResponse<?> response) {
        return response.headers().firstValue("Date").orElseThrow();
    }

    @Test
    void aPageIsDatedInServerTime() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10));

        assertEquals("Mon, 05 Jan 2026 09:01:07 GMT", date(client.logs("limit=5")));
    }

    @Test
    void anUnauthorizedAnswerIsDatedInServerTime() {
        start(SlackAuditLogsSimulator.builder().events(10).unauthorizedBody(false));

        HttpResponse<String> response = new ApiClient(simulator, "xoxp-wrong").logs("");

        assertEquals(401, response.statusCode());
        assertEquals("Mon, 05 Jan 2026 09:01:07 GMT", date(response));
    }

    @Test
    void aRateLimitedAnswerIsDatedInServerTime() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10).rateLimitPerMinute(1));
        client.logs("");

        HttpResponse<String> response = client.logs("");

        assertEquals(429, response.statusCode());
        assertEquals("Mon, 05 Jan 2026 09:01:07 GMT", date(response));
    }

    @Test
    void aFaultAnswerIsDatedInServerTime() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10).faults(FaultPlan.none().next(Fault.status(503))));

        HttpResponse<String> response = client.logs("");

        assertEquals(503, response.statusCode());
        assertEquals("Mon, 05 Jan 2026 09:01:07 GMT", date(response));
    }

    @Test
    void anUnknownEndpointIsDatedInServerTime() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10));

        HttpResponse<String> response = client.get("/nope");

        assertEquals(404, response.statusCode());
        assertEquals("Mon, 05 Jan 2026 09:01:07 GMT", date(response));
    }

    @Test
    void theDateFollowsTheClock() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10));

        clock.advance(Duration.ofDays(7));

        assertEquals("Mon, 12 Jan 2026 09:01:07 GMT", date(client.get("/schemas")));
    }

    @Test
    void serverTimeIsTheClockShiftedByTheOffset() {
        start(SlackAuditLogsSimulator.builder().events(0));

        assertEquals(MACHINE_NOW.plus(BEHIND), simulator.serverTime());
    }

    @Test
    void theRequestLogRecordsServerTime() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10));

        client.logs("");

        assertEquals(MACHINE_NOW.plus(BEHIND), simulator.requests().get(0).time());
    }

    @Test
    void aDateHeaderOffsetShiftsTheDateHeaderOnly() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().events(10).dateHeaderOffset(Duration.ofSeconds(120)));

        HttpResponse<String> response = client.logs("limit=5");

        assertEquals("Mon, 05 Jan 2026 09:03:07 GMT", date(response), "the Date of a proxy on the machine's time");
        assertEquals(MACHINE_NOW.plus(BEHIND), simulator.serverTime());
        assertEquals(MACHINE_NOW.plus(BEHIND), simulator.requests().get(0).time());
    }

    @Test
    void aDateHeaderOffsetShiftsTheDateOfErrorsToo() {
        start(SlackAuditLogsSimulator.builder().events(10).unauthorizedBody(false).dateHeaderOffset(Duration.ofSeconds(-30)));

        HttpResponse<String> response = new ApiClient(simulator, "xoxp-wrong").logs("");

        assertEquals(401, response.statusCode());
        assertEquals("Mon, 05 Jan 2026 09:00:37 GMT", date(response));
    }

    @Test
    void theDefaultHistoryEndsTwoMinutesBeforeServerTime() {
        simulator = SlackAuditLogsSimulator.builder().events(5000).clock(clock).clockOffset(Duration.ofHours(-3)).build();

        long serverNow = MACHINE_NOW.minus(Duration.ofHours(3)).getEpochSecond();
        assertTrue(simulator.newestDateCreate() <= serverNow - 120);
        assertTrue(simulator.oldestDateCreate() >= serverNow - 120 - 24 * 3600);
    }
}
