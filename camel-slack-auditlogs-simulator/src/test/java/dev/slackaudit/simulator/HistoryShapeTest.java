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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Histories for quota benchmarks: ready-made shapes, bursts and tied seconds. The big shapes are measured in benchmarks, not here. */
class HistoryShapeTest {

    private static final Instant END = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void aShapeHasItsEventsWithinItsSpanEndingAtTheGivenInstant() {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().shape(HistoryShape.QUIET, END).build();

        assertEquals(2_000, simulator.eventCount());
        assertTrue(simulator.newestDateCreate() <= END.getEpochSecond());
        assertTrue(simulator.oldestDateCreate() >= END.minus(Duration.ofDays(3)).getEpochSecond());
    }

    @Test
    void aShapeWithoutEndEndsTwoMinutesBeforeServerTime() {
        MutableClock clock = new MutableClock(END);

        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().shape(HistoryShape.QUIET).clock(clock).build();

        assertTrue(simulator.newestDateCreate() <= END.getEpochSecond() - 120);
    }

    @Test
    void theBurstyShapeHoldsItsBurstInsideTenMinutes() {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().shape(HistoryShape.BURSTY, END).build();
        long burstStart = END.minus(Duration.ofHours(12)).getEpochSecond();

        long inBurst = simulator.eventJson().stream().mapToLong(HistoryShapeTest::dateCreate)
                .filter(second -> second >= burstStart && second < burstStart + 600).count();

        assertEquals(102_000, simulator.eventCount());
        assertTrue(inBurst >= 100_000, "events inside the burst's 10 minutes: " + inBurst);
    }

    @Test
    void aBurstAddsItsEventsInsideItsWindow() {
        Instant from = END.minus(Duration.ofHours(2));

        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0).burst(5_000, from, Duration.ofMinutes(1)).build();

        assertEquals(5_000, simulator.eventCount());
        assertEquals(from.getEpochSecond(), simulator.oldestDateCreate());
        assertTrue(simulator.newestDateCreate() <= from.getEpochSecond() + 59);
    }

    @Test
    void aTiedSecondHoldsAllItsEventsAtOneDateCreate() {
        Instant at = END.minus(Duration.ofHours(5)).plusMillis(700);

        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().shape(HistoryShape.QUIET, END)
                .tiedSecond(15_000, at).build();

        Map<Long, Long> perSecond = simulator.eventJson().stream()
                .collect(Collectors.groupingBy(HistoryShapeTest::dateCreate, Collectors.counting()));
        assertEquals(17_000, simulator.eventCount());
        assertTrue(perSecond.get(at.getEpochSecond()) >= 15_000);
    }

    @Test
    void aTiedSecondBeyondTheMaximumLimitComesInOnePage() {
        long second = END.minus(Duration.ofHours(5)).getEpochSecond();
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0)
                .tiedSecond(10_500, Instant.ofEpochSecond(second)).build().start()) {

            HttpResponse<String> page = new ApiClient(simulator, "xoxp-simulator").logs("limit=100");

            List<String> ids = ApiClient.ids(page);
            assertEquals(10_500, ids.size());
            assertEquals("", ApiClient.nextCursor(page));
        }
    }

    @Test
    void everyShapeIsNamedForTheCommandLine() {
        Map<String, HistoryShape> byName = List.of("quiet", "Typical", "DENSE", "heavy", "bursty").stream()
                .collect(Collectors.toMap(Function.identity(), HistoryShape::parse));

        assertEquals(List.of(HistoryShape.values()).size(), byName.values().stream().distinct().count());
    }

    @Test
    void anUnknownShapeNameListsTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoryShape.parse("huge"));

        assertEquals("--shape must be one of quiet, typical, dense, heavy, bursty; got 'huge'", e.getMessage());
    }

    @Test
    void theShapesHaveTheSizesTheQuotaBenchmarksUse() {
        assertEquals(List.of(2_000, 60_000, 1_000_000, 5_000_000, 102_000),
                List.of(HistoryShape.values()).stream().map(HistoryShape::totalEvents).toList());
        assertEquals(List.of(Duration.ofDays(3), Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)),
                List.of(HistoryShape.values()).stream().map(HistoryShape::span).toList());
    }

    /** Reads date_create without a JSON tree: these tests look at 100,000 entries. */
    private static long dateCreate(String entryJson) {
        int at = entryJson.indexOf("\"date_create\":") + "\"date_create\":".length();
        int end = at;
        while (Character.isDigit(entryJson.charAt(end))) {
            end++;
        }
        return Long.parseLong(entryJson.substring(at, end));
    }
}
