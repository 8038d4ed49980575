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
package dev.slackaudit.camel.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.camel.testing.ChildJvm;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.FaultPlan;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer process is SIGKILLed three times in the middle of a backfill, while the simulator answers some requests
 * with 429 and 5xx; a new process takes over each time. A {@code read_committed} reader of the topic then finds every
 * event once with the exactly-once route, and the plain camel-kafka route's duplicates are counted for comparison.
 */
class KafkaCrashTest {

    private static final String TOKEN = "xoxp-kafka-crash";
    private static final int EVENTS = 20_000;
    private static final double[] KILL_AT = { 0.2, 0.45, 0.7 };
    /** The results, for the README and the closing note: appended by each test. */
    static final Path RESULTS = Path.of("target", "kafka-crash-results.txt");

    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static SlackAuditLogsSimulator simulator;
    private final List<Path> logs = new ArrayList<>();
    private final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void startBrokerAndSlack() throws IOException {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(1818).events(EVENTS)
                .faults(FaultPlan.none().random(18, 0.05, Fault.status(500), Fault.status(503), Fault.rateLimited(1)))
                .build().start();
    }

    @AfterAll
    static void stopBrokerAndSlack() throws InterruptedException {
        if (simulator != null) {
            simulator.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopNodes() throws Exception {
        Path kept = Path.of("target", "kafka-crash-logs");
        Files.createDirectories(kept);
        for (Process node : nodes) {
            node.destroyForcibly().waitFor();
        }
        for (Path log : logs) {
            if (Files.exists(log)) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void exactlyOnceRouteCommitsEveryEventOnceAcrossThreeKills() throws Exception {
        Tally tally = runWithKills("exactly-once", "audit-exactly-once");

        assertEquals(0, tally.lost(), "lost: " + tally);
        assertEquals(0, tally.duplicates(), "duplicates: " + tally);
    }

    @Test
    void plainRouteLosesNothingAndItsDuplicatesAreCounted() throws Exception {
        Tally tally = runWithKills("plain", "audit-plain");

        assertEquals(0, tally.lost(), "lost: " + tally);
        assertEquals(tally.records(), EVENTS + tally.duplicates(), "every record beyond one per event is a duplicate");
    }

    /** Runs a node, SIGKILLs it at each fraction of the events written and starts another, until the export ends. */
    private Tally runWithKills(String mode, String topic) throws Exception {
        long began = System.nanoTime();
        broker.createTopic(topic, 1);
        Process node = startNode(mode, topic);
        for (double fraction : KILL_AT) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Tally.endOffset(broker.bootstrapServers(), topic) >= fraction * EVENTS);
            node.destroyForcibly().waitFor();
            node = startNode(mode, topic);
        }
        Path lastLog = logs.get(logs.size() - 1);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> Files.exists(lastLog) && Files.readString(lastLog).contains("the export is complete"));
        Tally tally = Tally.of(broker.bootstrapServers(), topic, simulator.eventIds());
        String line = String.format("%s route, %d SIGKILLs, 5%% of requests answered 429/500/503: %s (%.1f s)%n", mode,
                                    KILL_AT.length, tally, (System.nanoTime() - began) / 1e9);
        System.out.print(line);
        Files.writeString(RESULTS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return tally;
    }

    private Process startNode(String mode, String topic) throws IOException {
        Path log = dir.resolve(mode + "-node-" + (logs.size() + 1) + ".log");
        String slack = KafkaNode.backfill(simulator, TOKEN, 1000);
        Process process = ChildJvm.start(log, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=log4j2-node.properties"), KafkaNode.class, "node-" + (logs.size() + 1), mode,
                broker.bootstrapServers(), topic, slack, dir.resolve(mode + "-state").toString());
        logs.add(log);
        nodes.add(process);
        assertTrue(process.isAlive(), "the node runs: see " + log);
        return process;
    }
}
