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
package dev.slackaudit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.simulator.HttpCollector;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the application the way the README's first command does, in demo mode (no token), against a smaller synthetic
 * org than the default, with a temporary data directory, and checks what each route left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY_FILE = DateTimeFormatter.ofPattern("yyyy/MM/dd'.jsonl'")
            .withZone(ZoneOffset.UTC);

    /** Static: shared by every test of the class, like the run in {@link #runTheDemo()}. */
    @TempDir
    static Path dataDir;

    private final Instant end = Instant.now().minus(Duration.ofMinutes(2));
    /** The same org on every call: a fixed seed and a fixed time span, as a restarted demo would see it. */
    private final Function<String, SlackAuditLogsSimulator> org = token -> SlackAuditLogsSimulator.builder()
            .seed(DemoOrg.SEED).events(3_000).timeSpan(end.minus(Duration.ofHours(30)), end).token(token).build();
    /** The org's events as the simulator serves them: parsed, and as exact JSON text. */
    private final List<JsonNode> events = new ArrayList<>();
    private final List<String> eventJson = new ArrayList<>();
    private final AuditStatistics statistics = new AuditStatistics();
    private HttpCollector webhook;

    @BeforeAll
    void runTheDemo() throws Exception {
        for (String json : org.apply("unused").eventJson()) {
            eventJson.add(json);
            events.add(JSON.readTree(json));
        }
        webhook = HttpCollector.start();
        new AuditLogsExamples(org).run(statistics, "--examples.data-dir=" + dataDir,
                "--examples.alerts.webhook-url=" + webhook.root() + "/services/T000/B000/alerts");
    }

    @AfterAll
    void stopTheWebhook() {
        webhook.close();
    }

    @Test
    void everyEventIsWrittenExactlyOnceAcrossTheDayFiles() throws IOException {
        Map<String, Long> timesWritten = lines(dataDir.resolve("audit")).stream()
                .collect(Collectors.groupingBy(line -> field(line, "id"), Collectors.counting()));

        assertEquals(ids(), timesWritten.keySet());
        assertEquals(Set.of(1L), Set.copyOf(timesWritten.values()));
    }

    @Test
    void eachEventIsWrittenAsItsJsonToTheFileOfItsUtcDay() throws IOException {
        Map<String, List<String>> expected = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            String dayFile = DAY_FILE.format(Instant.ofEpochSecond(events.get(i).get("date_create").asLong()));
            expected.computeIfAbsent(dayFile, day -> new ArrayList<>()).add(eventJson.get(i));
        }

        Map<String, List<String>> written = new TreeMap<>();
        Path audit = dataDir.resolve("audit");
        for (Path file : dayFiles(audit)) {
            written.put(audit.relativize(file).toString(), sortedLines(file));
        }
        expected.values().forEach(lines -> lines.sort(null));
        assertEquals(expected, written);
    }

    @Test
    void theYamlRouteWritesTheSameDayFilesInItsOwnFolder() throws IOException {
        Path java = dataDir.resolve("audit");
        Path yaml = dataDir.resolve("yaml-audit");

        assertEquals(dayFiles(java).stream().map(java::relativize).toList(),
                dayFiles(yaml).stream().map(yaml::relativize).toList());
        for (Path file : dayFiles(java)) {
            assertEquals(sortedLines(file), sortedLines(yaml.resolve(java.relativize(file))));
        }
    }

    @Test
    void theQueueConsumerTakesEveryEventOffTheQueue() {
        Map<String, Long> perAction = events.stream()
                .collect(Collectors.groupingBy(event -> event.get("action").asText(), Collectors.counting()));

        assertEquals(events.size(), statistics.messagesPut());
        assertEquals(perAction, statistics.takenByAction());
    }

    @Test
    void alertsAreRaisedForExactlyTheHighRiskEvents() {
        Set<String> alerted = new HashSet<>();
        Pattern eventId = Pattern.compile("\\(event ([0-9a-f-]+)\\)");
        for (String body : webhook.bodies()) {
            Matcher matcher = eventId.matcher(body);
            if (matcher.find()) {
                alerted.add(matcher.group(1));
            }
        }
        Set<String> highRisk = events.stream().filter(DemoExportTest::isHighRisk)
                .map(event -> event.get("id").asText()).collect(Collectors.toSet());

        assertEquals(highRisk, alerted);
        assertEquals(highRisk.size(), webhook.bodies().size());
        assertEquals(highRisk.size(), statistics.alerts());
    }

    @Test
    void aSecondStartOnTheSameDataDirectoryAddsNoLinesAndSendsNothingAgain() throws Exception {
        Map<Path, List<String>> before = contents(dataDir);

        AuditStatistics second = new AuditStatistics();
        new AuditLogsExamples(org).run(second, "--examples.data-dir=" + dataDir);

        assertEquals(0, second.linesWritten());
        assertEquals(before, contents(dataDir));
        assertEquals(0, second.messagesPut(), "the overlap read again reached the queue");
        assertEquals(0, second.alerts(), "the overlap read again raised alerts");
    }

    /** The rules of application.properties, spelled out independently of HighRiskEvents. */
    private static boolean isHighRisk(JsonNode event) {
        String action = event.get("action").asText();
        JsonNode details = event.path("details");
        switch (action) {
            case "anomaly", "role_change_to_admin", "role_change_to_owner", "role_assigned", "manual_export_completed":
                return true;
            case "app_installed", "org_app_installed", "app_approved", "app_scopes_expanded":
                Set<String> granted = new HashSet<>();
                Stream.of("scopes", "bot_scopes", "new_scopes")
                        .forEach(field -> details.path(field).forEach(scope -> granted.add(scope.asText())));
                return granted.contains("admin") || granted.contains("admin.users:write")
                       || granted.contains("groups:history");
            case "file_downloaded":
                // an actor without an e-mail address is not known to be external
                String email = event.path("actor").path("user").path("email").asText();
                return email.contains("@") && !email.endsWith("@" + DemoOrg.EMAIL_DOMAIN);
            default:
                return false;
        }
    }

    private Set<String> ids() {
        return events.stream().map(event -> event.get("id").asText()).collect(Collectors.toSet());
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + json, e);
        }
    }

    private static List<Path> dayFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static List<String> lines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : dayFiles(folder)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static List<String> sortedLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.sort(null);
        return lines;
    }

    private static Map<Path, List<String>> contents(Path dataDir) throws IOException {
        Map<Path, List<String>> contents = new HashMap<>();
        for (String folder : List.of("audit", "yaml-audit")) {
            for (Path file : dayFiles(dataDir.resolve(folder))) {
                contents.put(file, Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return contents;
    }
}
