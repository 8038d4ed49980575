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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.camel.testing.ChildJvm;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.FaultPlan;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of a {@code master:} route elected through ZooKeeper share one transactional id. The leader is frozen
 * (SIGSTOP) with its transaction open; the other takes over, and its producer's start fences the frozen one: the
 * broker aborts the open transaction and moves the transactional id to a newer epoch, so that any later commit of
 * the frozen one is refused ({@code ProducerFencedException}). The frozen one is let run on (SIGCONT); a
 * {@code read_committed} reader sees every event once.
 */
class KafkaFailoverTest {

    private static final String TOKEN = "xoxp-kafka-failover";
    private static final String TOPIC = "audit-failover";
    private static final int EVENTS = 20_000;
    private static final String REFUSED = "was refused: another producer with this transactional id took over";
    private static final String ABORTED = "is aborted, its events discarded";

    @TempDir
    Path dir;
    private EmbeddedKafkaBroker broker;
    private TestingServer zooKeeper;
    private SlackAuditLogsSimulator simulator;
    private final List<Path> logs = new ArrayList<>();
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        Path kept = Path.of("target", "kafka-failover-logs");
        Files.createDirectories(kept);
        for (Process node : nodes) {
            node.destroyForcibly().waitFor(); // SIGKILL also ends a frozen process
        }
        for (Path log : logs) {
            if (Files.exists(log)) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void frozenLeaderIsFencedAndReadCommittedReadersSeeEachEventOnce() throws Exception {
        long began = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        broker.createTopic(TOPIC, 1);
        zooKeeper = new TestingServer(new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, true, -1,
                250, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"), true);
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(1819).events(EVENTS)
                .faults(FaultPlan.none().random(19, 0.05, Fault.status(500), Fault.status(503), Fault.rateLimited(1)))
                .build().start();

        Process leader = startNode();
        await().atMost(Duration.ofMinutes(1)).until(() -> endOffset() > 0);
        startNode();
        await().atMost(Duration.ofMinutes(2)).until(() -> endOffset() >= 0.3 * EVENTS);
        int epochWhenFrozen = freezeWithTransactionOpen(leader);
        long atFreeze = endOffset();
        // the other node leads once the frozen one's ZooKeeper session expires, and delivers
        await().atMost(Duration.ofMinutes(1)).until(() -> endOffset() >= atFreeze + 4_000);
        int epochOfNewLeader = transaction().producerEpoch();
        ChildJvm.resume(leader);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> logged(logs.get(1), "the export is complete"));
        // woken up, the old leader may go on with its transaction, which the new leader's producer aborted: a commit
        // is refused (ProducerFencedException); a route the ZooKeeper guard stops first may end it without one
        Thread.sleep(5_000);
        String refusal = "epoch " + epochWhenFrozen + " fenced by epoch " + epochOfNewLeader + "; the old leader then "
                         + (logged(logs.get(0), REFUSED) ? "saw its transaction refused (ProducerFencedException)"
                            : logged(logs.get(0), ABORTED) ? "aborted its transaction"
                            : "was stopped by the ZooKeeper guard without a commit");

        Tally tally = Tally.of(broker.bootstrapServers(), TOPIC, simulator.eventIds());
        String line = String.format("exactly-once master: route, leader frozen with its transaction open and resumed: %s;"
                                    + " transactional id %s (%.1f s)%n",
                                    tally, refusal, (System.nanoTime() - began) / 1e9);
        System.out.print(line);
        Files.writeString(KafkaCrashTest.RESULTS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(0, tally.lost(), "lost: " + tally);
        assertEquals(0, tally.duplicates(), "duplicates: " + tally);
        assertTrue(epochOfNewLeader > epochWhenFrozen, "the new leader's producer fenced the frozen one's epoch");
    }

    /**
     * SIGSTOPs the leader while its transaction is open (checked before and after), so it is frozen mid-batch.
     *
     * @return the producer epoch of the frozen transaction
     */
    private int freezeWithTransactionOpen(Process leader) throws Exception {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> {
            if (transaction().state() != TransactionState.ONGOING) {
                return false;
            }
            ChildJvm.pause(leader);
            if (transaction().state() == TransactionState.ONGOING) {
                return true;
            }
            ChildJvm.resume(leader); // it committed in between: try again
            return false;
        });
        return transaction().producerEpoch();
    }

    /** What the broker's transaction coordinator knows of the nodes' transactional id. */
    private TransactionDescription transaction() throws Exception {
        String transactionalId = "slack-audit-" + TOPIC;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId)
                    .get(5, TimeUnit.SECONDS);
        }
    }

    private long endOffset() {
        return Tally.endOffset(broker.bootstrapServers(), TOPIC);
    }

    private static boolean logged(Path log, String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    private Process startNode() throws IOException {
        String name = "node-" + (logs.size() + 1);
        Path log = dir.resolve("failover-" + name + ".log");
        String slack = KafkaNode.backfill(simulator, TOKEN, 500);
        Process process = ChildJvm.start(log, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=log4j2-node.properties"), KafkaNode.class, name, "exactly-once",
                broker.bootstrapServers(), TOPIC, slack, dir.resolve(name).toString(), zooKeeper.getConnectString(), "200");
        logs.add(log);
        nodes.add(process);
        return process;
    }
}
