package dev.slackaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The standalone command line. */
class SimulatorMainTest {

    @Test
    void optionsConfigureTheSimulator() {
        SlackAuditLogsSimulator.Builder builder = SimulatorMain.parse(new String[] {
            "--port", "0", "--events", "25", "--token", "xoxp-demo", "--seed", "7", "--rate-limit", "2"});

        try (SlackAuditLogsSimulator simulator = builder.build().start()) {
            ApiClient client = new ApiClient(simulator, "xoxp-demo");
            HttpResponse<String> first = client.logs("limit=100");
            client.logs("");

            assertEquals(25, ApiClient.ids(first).size());
            assertEquals(429, client.logs("").statusCode());
            assertEquals(SlackAuditLogsSimulator.builder().seed(7).events(25).build().eventCount(), simulator.eventCount());
        }
    }

    @Test
    void anUnknownOptionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--verbose", "yes"}));
    }

    @Test
    void anOptionWithoutValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--port"}));
    }

    @Test
    void aNonNumericPortIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--port", "http"}));
    }

    @Test
    void liveOptionsStartALiveStream() {
        SlackAuditLogsSimulator.Builder builder = SimulatorMain.parse(new String[] {
            "--port", "0", "--events", "0", "--live-rate", "5", "--indexing-delay", "0s-2s"});
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

        try (SlackAuditLogsSimulator simulator = builder.clock(clock).build().start()) {
            clock.advance(Duration.ofSeconds(100));

            assertTrue(simulator.eventCount() > 300);
        }
    }

    @Test
    void clockOffsetShiftsServerTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

        SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {"--clock-offset", "-120s", "--events", "0"})
                .clock(clock).build();

        assertEquals(Instant.parse("2025-12-31T23:58:00Z"), simulator.serverTime());
    }

    @Test
    void strictRangeRefusesAFutureLatest() {
        try (SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {"--port", "0", "--strict-range", "true"})
                .build().start()) {
            HttpResponse<String> response = new ApiClient(simulator, "xoxp-simulator")
                    .logs("latest=" + (simulator.serverTime().getEpochSecond() + 3600));

            assertEquals(400, response.statusCode());
        }
    }

    @Test
    void shapeBuildsThatHistory() {
        SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {"--shape", "quiet"}).build();

        assertEquals(2_000, simulator.eventCount());
    }

    @Test
    void tiedSecondAddsEventsAtTheGivenSecond() {
        SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {"--events", "0", "--tied-second", "12000@1764000000"})
                .build();

        assertEquals(12_000, simulator.eventCount());
        assertEquals(1_764_000_000L, simulator.oldestDateCreate());
        assertEquals(1_764_000_000L, simulator.newestDateCreate());
    }

    @Test
    void aBadIndexingDelayNamesTheOptionTheValueAndTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(new String[] {"--live-rate", "1", "--indexing-delay", "soon"}));

        assertTrue(e.getMessage().startsWith("--indexing-delay"), e.getMessage());
        assertTrue(e.getMessage().contains("'soon'") && e.getMessage().contains("0s-20s"), e.getMessage());
    }

    @Test
    void anIndexingDelayWithoutLiveRateIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(new String[] {"--indexing-delay", "5s"}));

        assertEquals("--indexing-delay applies to live events: add --live-rate", e.getMessage());
    }

    @Test
    void aBadClockOffsetNamesTheOptionAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(new String[] {"--clock-offset", "-2 minutes"}));

        assertEquals("--clock-offset needs a duration, " + DurationText.FORMS + "; got '-2 minutes'", e.getMessage());
    }

    @Test
    void aNonPositiveLiveRateIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(new String[] {"--live-rate", "0"}));

        assertEquals("--live-rate needs a positive number of events per second (e.g. 5 or 0.5), got 0", e.getMessage());
    }

    @Test
    void strictRangeTakesOnlyTrueOrFalse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(new String[] {"--strict-range", "yes"}));

        assertEquals("--strict-range needs true or false, got yes", e.getMessage());
    }
}
