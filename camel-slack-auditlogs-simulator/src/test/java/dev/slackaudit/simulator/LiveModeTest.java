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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live mode: events happening while the simulator runs, visible only after their indexing delay. The clock is moved by hand. */
class LiveModeTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final long START_SECOND = START.getEpochSecond();

    private final MutableClock clock = new MutableClock(START);
    private final List<SlackAuditLogsSimulator> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(SlackAuditLogsSimulator::close);
    }

    private SlackAuditLogsSimulator start(SlackAuditLogsSimulator.Builder builder) {
        SlackAuditLogsSimulator simulator = builder.clock(clock).build().start();
        started.add(simulator);
        return simulator;
    }

    private SlackAuditLogsSimulator liveOnly(double rate, IndexingDelay delay) {
        return start(SlackAuditLogsSimulator.builder().events(0).live(rate, delay));
    }

    private static List<JsonNode> everything(SlackAuditLogsSimulator simulator) {
        return new ApiClient(simulator, "xoxp-simulator").pageThrough("limit=1000");
    }

    @Test
    void nothingIsVisibleBeforeTheIndexingDelayPasses() {
        SlackAuditLogsSimulator simulator = liveOnly(5, IndexingDelay.fixed(Duration.ofSeconds(30)));

        clock.advance(Duration.ofSeconds(29));

        assertTrue(everything(simulator).isEmpty());
    }

    @Test
    void eventsBecomeVisibleOnceTheirIndexingDelayHasPassed() {
        SlackAuditLogsSimulator simulator = liveOnly(5, IndexingDelay.fixed(Duration.ofSeconds(30)));

        clock.advance(Duration.ofSeconds(60));

        List<JsonNode> visible = everything(simulator);
        assertFalse(visible.isEmpty());
        // only what happened in the first 30 s has been indexed by now
        assertTrue(visible.stream().allMatch(e -> e.get("date_create").asLong() <= START_SECOND + 30));
    }

    @Test
    void eachEventIsStampedWithTheSecondItHappenedOnTheServerClock() {
        SlackAuditLogsSimulator simulator = start(SlackAuditLogsSimulator.builder().events(0)
                .live(5, IndexingDelay.fixed(Duration.ofSeconds(3))).clockOffset(Duration.ofHours(-1)));

        clock.advance(Duration.ofSeconds(100));

        for (JsonNode event : everything(simulator)) {
            Instant visibleAt = simulator.visibleAt(event.get("id").asText()).orElseThrow();
            long happened = visibleAt.minusSeconds(3).getEpochSecond();
            assertEquals(happened, event.get("date_create").asLong());
            assertTrue(happened >= START_SECOND - 3600);
        }
    }

    @Test
    void uniformDelaysStayWithinTheirBounds() {
        SlackAuditLogsSimulator simulator = liveOnly(10, IndexingDelay.uniform(Duration.ofSeconds(2), Duration.ofSeconds(8)));

        clock.advance(Duration.ofSeconds(200));

        List<JsonNode> visible = everything(simulator);
        assertTrue(visible.size() > 1000);
        List<Long> lags = new ArrayList<>();
        for (JsonNode event : visible) {
            Instant visibleAt = simulator.visibleAt(event.get("id").asText()).orElseThrow();
            long lagMillis = visibleAt.toEpochMilli() - event.get("date_create").asLong() * 1000;
            assertTrue(lagMillis >= 2000 && lagMillis < 9000, "lag " + lagMillis + " ms");
            lags.add(lagMillis);
        }
        // drawn, not fixed: the lags spread over the range
        assertTrue(lags.stream().anyMatch(l -> l < 4000) && lags.stream().anyMatch(l -> l > 7000));
    }

    @Test
    void eventsArriveAtTheGivenRate() {
        SlackAuditLogsSimulator simulator = liveOnly(5, IndexingDelay.none());

        clock.advance(Duration.ofSeconds(2000));

        int count = simulator.eventCount();
        assertTrue(count > 9_500 && count < 10_500, "events in 2000 s at 5/s: " + count);
    }

    @Test
    void theSameSeedGivesTheSameLiveEvents() {
        SlackAuditLogsSimulator first = start(SlackAuditLogsSimulator.builder().events(0).seed(9).live(3, IndexingDelay.none()));
        SlackAuditLogsSimulator second = start(SlackAuditLogsSimulator.builder().events(0).seed(9).live(3, IndexingDelay.none()));

        clock.advance(Duration.ofSeconds(120));

        assertEquals(first.eventJson(), second.eventJson());
    }

    @Test
    void liveEventsJoinTheHistory() {
        SlackAuditLogsSimulator simulator = start(SlackAuditLogsSimulator.builder().events(500).live(5, IndexingDelay.none()));
        List<String> history = simulator.eventIds();

        clock.advance(Duration.ofSeconds(60));

        List<String> served = ApiClient.ids(everything(simulator));
        assertEquals(simulator.eventIds(), served);
        assertTrue(served.containsAll(history));
        assertTrue(served.size() > history.size());
    }

    @Test
    void theStreamStartsAtStartNotAtBuild() {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0).live(5, IndexingDelay.none())
                .clock(clock).build();
        clock.advance(Duration.ofHours(1));
        started.add(simulator.start());

        clock.advance(Duration.ofSeconds(10));

        assertTrue(everything(simulator).stream().allMatch(e -> e.get("date_create").asLong() >= START_SECOND + 3600));
    }

    @Test
    void aCursorKeepsWorkingWhileLiveEventsArrive() {
        SlackAuditLogsSimulator simulator = start(SlackAuditLogsSimulator.builder().events(2000).live(20, IndexingDelay.none()));
        ApiClient client = new ApiClient(simulator, "xoxp-simulator");
        HttpResponse<String> first = client.logs("limit=100");
        String cursor = ApiClient.nextCursor(first);

        clock.advance(Duration.ofSeconds(30));

        // the cursor points back into the history; the live events are newer, so the rest is exactly the history's rest
        List<String> rest = ApiClient.ids(client.pageThrough("limit=100", cursor));
        assertEquals(2000 - ApiClient.ids(first).size(), rest.size());
    }

    @Test
    void eventsOfTheLateTailShowUpHoursAfterTheyHappenedDatedWhenTheyHappened() {
        SlackAuditLogsSimulator simulator = liveOnly(2, IndexingDelay.fixed(Duration.ofSeconds(5))
                .withLateTail(0.05, Duration.ofHours(1), Duration.ofHours(3)));

        clock.advance(Duration.ofMinutes(30));
        List<JsonNode> soon = everything(simulator);
        clock.advance(Duration.ofHours(3));
        List<JsonNode> later = everything(simulator);

        List<JsonNode> late = later.stream().filter(e -> e.get("date_create").asLong() < START_SECOND + 30 * 60 - 10
                && soon.stream().noneMatch(s -> s.get("id").equals(e.get("id")))).toList();
        assertFalse(late.isEmpty(), "events of the first 30 minutes that showed up hours later");
        for (JsonNode event : late) {
            Instant visibleAt = simulator.visibleAt(event.get("id").asText()).orElseThrow();
            long delay = visibleAt.getEpochSecond() - event.get("date_create").asLong();
            assertTrue(delay >= 3600 && delay <= 3 * 3600 + 1, delay + " s");
        }
        // about 5% of the 3,600 events of the first 30 minutes
        assertTrue(late.size() > 100 && late.size() < 260, late.size() + " late");
    }
}
