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
import dev.slackaudit.camel.testing.BackfillProcess;
import dev.slackaudit.camel.testing.ChildJvm;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private final List<Process> started = new ArrayList<>();

    /** A test that failed half-way leaves no consumer running. */
    @AfterEach
    void killStartedProcesses() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly().waitFor();
        }
    }

    private Process start(SlackAuditLogsSimulator simulator, String heap, String options, boolean fileIds,
                          String aggregateSize, String... jvmOptions) throws IOException {
        List<String> jvm = new ArrayList<>(List.of(heap, "-Dlog4j2.configurationFile=log4j2-child.properties"));
        jvm.addAll(List.of(jvmOptions));
        Process process = ChildJvm.start(dir.resolve("process.log"), jvm, BackfillProcess.class, simulator.baseUrl(),
                TOKEN, Long.toString(simulator.oldestDateCreate()), Long.toString(simulator.newestDateCreate()),
                dir.toString(), options, Boolean.toString(fileIds), aggregateSize);
        started.add(process);
        return process;
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
            Process process = start(simulator, "-Xmx128m", "limit=9999", false, "0");
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

    /** Small pages and windows (about 55 events each), so a kill lands in the middle of a window. */
    private static final String KILL_OPTIONS = "limit=500&maxEventsPerWindow=1000&windowSize=PT10M";

    @Test
    void aConsumerStoppedWithSigtermMidBackfillResumesWithNoEventTwice() throws Exception {
        // the README's first example: a FileStateRepository and no idempotent repository
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(97).events(10_000)
                .build().start()) {
            // a slow sink, so that the stop lands in the middle of the backfill however loaded the machine is
            Process first = start(simulator, "-Xmx256m", "limit=500", false, "0", "-Dbackfill.sinkDelayMillis=2");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> lines() >= 1_000 || !first.isAlive());
            assertTrue(first.isAlive(), "the consumer was still backfilling");
            first.destroy(); // SIGTERM: a graceful stop
            assertTrue(first.waitFor(1, TimeUnit.MINUTES), "stopped");
            long beforeRestart = lines();

            Process second = start(simulator, "-Xmx256m", "limit=500", false, "0");
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
        // at-least-once: a kill between the sink's write and the idempotent repository's add repeats one event
        assertKillLosesNothing(KILL_OPTIONS, 1);
    }

    @Test
    void aConsumerDeliveringBatchesKilledMidBackfillResumesWithEveryEvent() throws Exception {
        // the same, with the batch in flight: a kill between the batch's write and the adds repeats that batch
        assertKillLosesNothing(KILL_OPTIONS + "&batchSize=100", 100);
    }

    @Test
    void aggregateDownstreamLosesTheEventsItHeldAtAKill() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(98).events(8_000)
                .build().start()) {
            // groups of 1000 events, about 18 windows: the consumer has passed the checkpoint of the events the
            // aggregator holds in memory as soon as their window ends
            Map<String, Long> dates = datesById(simulator);
            Process first = start(simulator, "-Xmx256m", KILL_OPTIONS, true, "1000");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !heldPastTheCheckpoint(dates).isEmpty() || !first.isAlive());
            assertTrue(first.isAlive(), "the consumer was still backfilling");
            first.destroyForcibly().waitFor();
            Set<String> unwritten = new HashSet<>(simulator.eventIds());
            unwritten.removeAll(deliveries().keySet());

            Process second = start(simulator, "-Xmx256m", KILL_OPTIONS, true, "1000");
            awaitExit(second, Duration.ofMinutes(3));

            // what the aggregator held was behind the checkpoint or already in the idempotent repository: never again
            Set<String> lost = new HashSet<>(simulator.eventIds());
            lost.removeAll(deliveries().keySet());
            System.out.printf("aggregate(): %d events not in the sink at the kill; lost after the restart: %d%n",
                    unwritten.size(), lost.size());
            assertFalse(lost.isEmpty(), "the events the aggregator held in memory are lost");
            assertTrue(unwritten.containsAll(lost), "only events that had not reached the sink are lost: " + lost);
        }
    }

    /** Events dated before the stored checkpoint that are not in the sink: in the route's memory, if anywhere. */
    private Set<String> heldPastTheCheckpoint(Map<String, Long> dates) throws IOException {
        Path state = dir.resolve("state");
        List<String> stored = state.toFile().exists() ? Files.readAllLines(state).stream()
                .filter(l -> l.startsWith("backfill=")).toList() : List.of();
        if (stored.isEmpty() || lines() == 0) {
            return Set.of();
        }
        long checkpoint = Instant.parse(stored.get(stored.size() - 1).substring(9).split(" ")[0]).getEpochSecond();
        Set<String> written = deliveries().keySet();
        Set<String> held = new HashSet<>();
        dates.forEach((id, date) -> {
            if (date < checkpoint && !written.contains(id)) {
                held.add(id);
            }
        });
        return held;
    }

    private static Map<String, Long> datesById(SlackAuditLogsSimulator simulator) throws IOException {
        List<String> ids = simulator.eventIds();
        List<String> json = simulator.eventJson();
        Map<String, Long> dates = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            dates.put(ids.get(i), MAPPER.readTree(json.get(i)).path("date_create").asLong());
        }
        return dates;
    }

    /**
     * Kills a consumer with SIGKILL a third of the way through a backfill, starts it again and checks that every id
     * reached the sink, at most {@code maxDuplicates} of them twice.
     */
    private void assertKillLosesNothing(String options, int maxDuplicates) throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(98).events(8_000)
                .build().start()) {
            Process first = start(simulator, "-Xmx256m", options, true, "0");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> lines() >= simulator.eventCount() / 3 || !first.isAlive());
            assertTrue(first.isAlive(), "the consumer was still backfilling");
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful stop
            long beforeRestart = lines();

            Process second = start(simulator, "-Xmx256m", options, true, "0");
            awaitExit(second, Duration.ofMinutes(3));

            Map<String, Integer> deliveries = deliveries();
            assertEquals(new HashSet<>(simulator.eventIds()), deliveries.keySet(), "every id reached the sink");
            List<String> duplicates = new ArrayList<>();
            deliveries.forEach((id, n) -> {
                if (n > 1) {
                    duplicates.add(id);
                }
            });
            System.out.printf("%s: killed after %d of %d events; duplicates after restart: %d%n", options,
                    beforeRestart, simulator.eventCount(), duplicates.size());
            assertTrue(duplicates.size() <= maxDuplicates, "duplicates: " + duplicates);
            Set<String> lines = new HashSet<>(Files.readAllLines(dir.resolve("state")));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("backfill=") && Instant.parse(l.substring(9).split(" ")[0])
                    .getEpochSecond() > simulator.newestDateCreate()), "the checkpoint passed the newest event");
        }
    }
}
