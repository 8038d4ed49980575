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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void dateHeaderOffsetShiftsTheDateHeaderAndSaysSo() {
        SimulatorMain.CommandLine commandLine = SimulatorMain.parseCommandLine(new String[] {
            "--port", "0", "--events", "0", "--clock-offset", "-90s", "--date-header-offset", "90s"});

        try (SlackAuditLogsSimulator simulator = commandLine.builder().build().start()) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String date = new ApiClient(simulator, "xoxp-simulator").logs("").headers().firstValue("Date").orElseThrow();
            Instant stamped = DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);

            assertTrue(!stamped.isBefore(before) && stamped.isBefore(before.plusSeconds(10)), "the machine's time: " + date);
        }
        assertEquals(List.of("server clock -90s from the machine's", "Date header 90s from the server clock"),
                commandLine.switchedOn());
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

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String help = SimulatorMain.help();

        for (SimulatorMain.Flag flag : SimulatorMain.FLAGS) {
            assertTrue(help.contains(flag.name()), flag.name());
            if (!flag.defaultValue().isEmpty()) {
                assertTrue(help.contains("(default: " + flag.defaultValue() + ")"), flag.name() + " with its default");
            }
        }
    }

    @Test
    void theReadmeTablesEveryOptionWithTheDefaultHelpPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (SimulatorMain.Flag flag : SimulatorMain.FLAGS) {
            if (!flag.name().equals("--help")) {
                assertTrue(readme.contains("| `" + flag.name() + " " + flag.value() + "` | `" + flag.defaultValue() + "` |"),
                        () -> "README.md has no row | `" + flag.name() + " " + flag.value() + "` | `" + flag.defaultValue() + "` |");
            }
        }
    }

    @Test
    void theReadmesExampleCommandLinesAreValid() throws IOException {
        Matcher command = Pattern.compile("java -jar \\S+-standalone\\.jar \\\\?\\s*(--[^\\n]*)")
                .matcher(Files.readString(Path.of("README.md")));
        int commands = 0;
        while (command.find()) {
            String[] options = command.group(1).replaceAll("[\\[\\]]", "").trim().split("\\s+");
            SimulatorMain.parseCommandLine(options);
            commands++;
        }
        assertTrue(commands >= 2, "the README's example commands were found: " + commands);
    }

    @Test
    void faultsFailTheGivenShareOfLogsRequestsWithTheGivenKinds() {
        try (SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {
            "--port", "0", "--events", "10", "--fault-rate", "1", "--fault-kinds", "502,504"}).build().start()) {
            ApiClient client = new ApiClient(simulator, "xoxp-simulator");

            for (int request = 0; request < 5; request++) {
                assertTrue(List.of(502, 504).contains(client.logs("").statusCode()));
            }
        }
    }

    @Test
    void noFaultRateMeansNoFaults() {
        try (SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {
            "--port", "0", "--events", "10", "--fault-kinds", "503"}).build().start()) {
            assertEquals(200, new ApiClient(simulator, "xoxp-simulator").logs("").statusCode());
        }
    }

    @Test
    void anUnknownFaultKindIsRejectedListingTheKinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {
            "--fault-rate", "0.1", "--fault-kinds", "503,boom"}));
        assertTrue(e.getMessage().contains("reset, truncated or slow"), e.getMessage());
    }

    @Test
    void aBadTokenCanGetA401WithoutABody() {
        try (SlackAuditLogsSimulator simulator = SimulatorMain.parse(new String[] {
            "--port", "0", "--events", "10", "--unauthorized-body", "false"}).build().start()) {
            HttpResponse<String> response = new ApiClient(simulator, "xoxp-wrong").logs("");

            assertEquals(401, response.statusCode());
            assertEquals("", response.body());
        }
    }

    @Test
    void aPortInUseIsOneLineThatSaysSo() {
        try (SlackAuditLogsSimulator first = SlackAuditLogsSimulator.builder().port(0).events(0).build().start()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SimulatorMain.parse(new String[] {
                "--port", Integer.toString(first.port())}).build().start());
            String line = SimulatorMain.startFailure(e);

            assertEquals("Cannot listen on 127.0.0.1:" + first.port() + ": the port is in use. Stop what listens there,"
                         + " or pass another --port (0 picks a free one)", line);
        }
    }

    @Test
    void theStartUpSummarySaysWhatIsOn() {
        SimulatorMain.CommandLine commandLine = SimulatorMain.parseCommandLine(new String[] {
            "--port", "0", "--events", "0", "--live-rate", "5", "--indexing-delay", "0s-20s", "--clock-offset", "-120s",
            "--fault-rate", "0.05", "--fault-kinds", "503,reset"});
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (SlackAuditLogsSimulator simulator = commandLine.builder().build().start()) {
            SimulatorMain.printStarted(new PrintStream(printed, true, StandardCharsets.UTF_8), simulator, 0.1,
                    commandLine.switchedOn());
        }

        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("On: live mode, 5 events a second, visible 0s-20s after"
                   + " they happen; server clock -120s from the machine's; faults on 0.05 of /logs requests (503,reset)\n"),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withNothingSwitchedOnTheSummarySaysSo() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SimulatorMain.CommandLine commandLine = SimulatorMain.parseCommandLine(new String[] {"--port", "0", "--events", "0"});

        try (SlackAuditLogsSimulator simulator = commandLine.builder().build().start()) {
            SimulatorMain.printStarted(new PrintStream(printed, true, StandardCharsets.UTF_8), simulator, 0.1,
                    commandLine.switchedOn());
        }

        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("On: the history only (no live mode, clock offset,"
                                                                     + " rate limit or faults)"));
    }

    @Test
    void theStartUpSummarySaysALateTailIsOn() {
        SimulatorMain.CommandLine commandLine = SimulatorMain.parseCommandLine(new String[] {
            "--port", "0", "--events", "0", "--live-rate", "2", "--late-tail", "0.001:10m-3h"});
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (SlackAuditLogsSimulator simulator = commandLine.builder().build().start()) {
            SimulatorMain.printStarted(new PrintStream(printed, true, StandardCharsets.UTF_8), simulator, 0.1,
                    commandLine.switchedOn());
        }

        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("On: live mode, 2 events a second, visible 0s-20s after"
                   + " they happen, a share of 0.001 of them 10m-3h late\n"), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLateTailWithoutLiveModeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parseCommandLine(new String[] {"--late-tail", "0.001:10m-3h"}));

        assertEquals("--late-tail applies to live events: add --live-rate", e.getMessage());
    }
}
