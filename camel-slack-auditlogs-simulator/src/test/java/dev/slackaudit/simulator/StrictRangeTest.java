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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Strict range mode: Slack's invalid_range for a bound in the server's future or before March 2018. */
class StrictRangeTest {

    private static final Instant MACHINE_NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final long NOW = MACHINE_NOW.getEpochSecond();
    private static final String INVALID_RANGE = "{\"ok\":false,\"error\":\"invalid_range\"}";

    private final MutableClock clock = new MutableClock(MACHINE_NOW);
    private SlackAuditLogsSimulator simulator;

    @AfterEach
    void stop() {
        simulator.close();
    }

    private ApiClient start(SlackAuditLogsSimulator.Builder builder) {
        simulator = builder.events(50).clock(clock).build().start();
        return new ApiClient(simulator, "xoxp-simulator");
    }

    private ApiClient strict() {
        return start(SlackAuditLogsSimulator.builder().strictRange(true));
    }

    @Test
    void aLatestInTheFutureIsRefused() {
        HttpResponse<String> response = strict().logs("latest=" + (NOW + 1));

        assertEquals(400, response.statusCode());
        assertEquals(INVALID_RANGE, response.body());
    }

    @Test
    void anOldestInTheFutureIsRefused() {
        HttpResponse<String> response = strict().logs("oldest=" + (NOW + 60));

        assertEquals(400, response.statusCode());
        assertEquals(INVALID_RANGE, response.body());
    }

    @Test
    void aBoundBeforeMarch2018IsRefused() {
        HttpResponse<String> response = strict().logs("oldest=" + (RangePolicy.FEATURE_ENABLED.getEpochSecond() - 1));

        assertEquals(400, response.statusCode());
        assertEquals(INVALID_RANGE, response.body());
    }

    @Test
    void boundsFromMarch2018UpToNowAreAccepted() {
        HttpResponse<String> response = strict().logs("oldest=" + RangePolicy.FEATURE_ENABLED.getEpochSecond() + "&latest=" + NOW);

        assertEquals(200, response.statusCode());
        assertEquals(50, ApiClient.ids(response).size());
    }

    @Test
    void theFutureIsJudgedOnTheServerClock() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().strictRange(true).clockOffset(Duration.ofSeconds(-120)));

        HttpResponse<String> response = client.logs("latest=" + NOW);

        assertEquals(400, response.statusCode());
    }

    @Test
    void theFutureIsJudgedOnTheServerClockWhateverTheDateHeaderSays() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().strictRange(true).clockOffset(Duration.ofSeconds(-90))
                .dateHeaderOffset(Duration.ofSeconds(90)));

        HttpResponse<String> response = client.logs("latest=" + (NOW - 60));

        assertEquals(400, response.statusCode());
        assertEquals(INVALID_RANGE, response.body());
        assertEquals("Mon, 01 Jun 2026 12:00:00 GMT", response.headers().firstValue("Date").orElseThrow(),
                "the Date header tells the machine's time");
    }

    @Test
    void theDefaultAcceptsAnyNonNegativeBound() {
        ApiClient client = start(SlackAuditLogsSimulator.builder());

        HttpResponse<String> response = client.logs("oldest=0&latest=" + (NOW + 86_400));

        assertEquals(200, response.statusCode());
        assertEquals(50, ApiClient.ids(response).size());
    }
}
