package dev.slackaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;

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
}
