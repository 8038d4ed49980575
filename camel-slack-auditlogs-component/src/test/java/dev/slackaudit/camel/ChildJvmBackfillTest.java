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
package dev.slackaudit.camel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.testing.ChildJvm;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumers in JVMs of their own ({@link BackfillProcess}) against a simulator in this one: a large backfill in a small
 * heap, and a consumer killed with SIGKILL in the middle of a backfill.
 */
class ChildJvmBackfillTest {

    private static final String TOKEN = "xoxp-child-jvm";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Process start(SlackAuditLogsSimulator simulator, String heap, String options, boolean fileIds)
            throws IOException {
        return ChildJvm.start(dir.resolve("process.log"), List.of(heap, "-Dlog4j2.configurationFile=log4j2-child.properties"),
                BackfillProcess.class, simulator.baseUrl(), TOKEN, Long.toString(simulator.oldestDateCreate()),
                Long.toString(simulator.newestDateCreate()), dir.toString(), options, Boolean.toString(fileIds));
    }

    private static void awaitExit(Process process, Duration timeout) throws InterruptedException {
        assertTrue(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), "the consumer finished in time");
        assertEquals(0, process.exitValue(), "the consumer exited normally");
    }

    /** How often each id was written to the sink (a line cut short by SIGKILL does not count). */
    private Map<String, Integer> deliveries() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            try {
                counts.merge(MAPPER.readTree(line).path("id").asText(), 1, Integer::sum);
            } catch (IOException partial) {
                // the last line of a killed process may be incomplete
            }
        }
        return counts;
    }

    private long lines() throws IOException {
        File file = dir.resolve("events.jsonl").toFile();
        return file.exists() ? Files.lines(file.toPath()).count() : 0;
    }

    @Test
    void aBackfillOf200000EventsRunsIn128MegabytesOfHeap() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(99).events(200_000)
                .build().start()) {
            Process process = start(simulator, "-Xmx128m", "limit=9999", false);
            awaitExit(process, Duration.ofMinutes(5));

            Map<String, Integer> deliveries = deliveries();
            assertEquals(new HashSet<>(simulator.eventIds()), deliveries.keySet(), "every id was delivered");
            assertTrue(deliveries.values().stream().allMatch(n -> n == 1), "no id was delivered twice");
            String log = Files.readString(dir.resolve("process.log"));
            log.lines().filter(l -> l.startsWith("DONE")).forEach(System.out::println);
            assertTrue(log.contains("DONE events=200000"), "the consumer delivered 200,000 events");
            assertTrue(log.contains("backfill "), "the consumer reported its progress");
        }
    }

    @Test
    void aConsumerStoppedWithSigtermMidBackfillResumesWithNoEventTwice() throws Exception {
        // the README's first example: a FileStateRepository and no idempotent repository
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(97).events(40_000)
                .build().start()) {
            Process first = start(simulator, "-Xmx256m", "limit=500", false);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> lines() >= 1_000 || !first.isAlive());
            assertTrue(first.isAlive(), "the consumer was still backfilling");
            first.destroy(); // SIGTERM: a graceful stop
            assertTrue(first.waitFor(1, TimeUnit.MINUTES), "stopped");
            long beforeRestart = lines();

            Process second = start(simulator, "-Xmx256m", "limit=500", false);
            awaitExit(second, Duration.ofMinutes(3));

            Map<String, Integer> deliveries = deliveries();
            assertEquals(new HashSet<>(simulator.eventIds()), deliveries.keySet(), "every id reached the sink");
            List<String> duplicates = deliveries.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .toList();
            System.out.printf("stopped after %d of %d events; duplicates after restart: %d%n", beforeRestart,
                    simulator.eventCount(), duplicates.size());
            assertTrue(beforeRestart < simulator.eventCount(), "the stop came mid-backfill");
            assertEquals(List.of(), duplicates, "delivered twice");
        }
    }

    @Test
    void aConsumerKilledMidBackfillResumesWithEveryEvent() throws Exception {
        // small pages and windows, so the kill lands in the middle of a window
        String options = "limit=500&maxEventsPerWindow=1000&windowSize=PT10M";
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(98).events(8_000)
                .build().start()) {
            Process first = start(simulator, "-Xmx256m", options, true);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> lines() >= simulator.eventCount() / 3 || !first.isAlive());
            assertTrue(first.isAlive(), "the consumer was still backfilling");
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful stop
            long beforeRestart = lines();

            Process second = start(simulator, "-Xmx256m", options, true);
            awaitExit(second, Duration.ofMinutes(3));

            Map<String, Integer> deliveries = deliveries();
            assertEquals(new HashSet<>(simulator.eventIds()), deliveries.keySet(), "every id reached the sink");
            List<String> duplicates = new ArrayList<>();
            deliveries.forEach((id, n) -> {
                if (n > 1) {
                    duplicates.add(id);
                }
            });
            // at-least-once: a kill between the sink's write and the idempotent repository's add repeats one event
            System.out.printf("killed after %d of %d events; duplicates after restart: %d %s%n", beforeRestart,
                    simulator.eventCount(), duplicates.size(), duplicates);
            assertTrue(duplicates.size() <= 1, "duplicates: " + duplicates);
            Set<String> lines = new HashSet<>(Files.readAllLines(dir.resolve("state")));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("backfill=") && Instant.parse(l.substring(9).split(" ")[0])
                    .getEpochSecond() > simulator.newestDateCreate()), "the checkpoint passed the newest event");
        }
    }
}
