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
package dev.slackaudit.camel.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.testing.ChildJvm;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.FaultPlan;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes in JVMs of their own ({@link FailoverNode}) share one checkpoint and one set of delivered ids in a real
 * PostgreSQL server and elect their leader in a real ZooKeeper server, against one simulator holding 50,000 events that
 * answers some requests with 429 and 5xx. The leader is killed with SIGKILL twice in the middle of the backfill (a new
 * node is started in its place each time, as Kubernetes would) and then frozen with SIGSTOP past the ZooKeeper session
 * timeout and let run on with SIGCONT after another node took over.
 * <p>
 * Who polled when comes from each node's own log: HttpClient logs every request it sends, with the node's clock (the
 * same machine's). The simulator's request log counts the same requests from its side.
 */
class FailoverTest {

    private static final String TOKEN = "xoxp-failover";
    private static final int EVENTS = 50_000;
    /** Tight, so each failover costs seconds; ZooKeeper grants it with a tick of 250 ms (2 to 20 ticks). */
    private static final long SESSION_TIMEOUT_MILLIS = 3_000;
    private static final int TICK_MILLIS = 250;
    private static final int MAX_EVENTS_PER_WINDOW = 2_000;
    private static final String OPTIONS = "lag=PT0S&initialDelay=0&delay=100&maxRequestsPerMinute=0&retryDelay=PT0.05S"
                                          + "&maxRetries=10&limit=1000&maxEventsPerWindow=" + MAX_EVENTS_PER_WINDOW;
    /** {@code <millis> DEBUG [thread] MainClientExec - ex-0000000007 executing GET /audit/v1/logs?...}. */
    private static final Pattern REQUEST = Pattern.compile("^(\\d+) DEBUG .* executing GET \\S*/logs\\?.*");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final DataSource database = SharedPostgres.pooledDataSource();
    /** The test's own view of the shared checkpoint. */
    private final JdbcStateRepository state = new JdbcStateRepository(database);
    private final List<Node> nodes = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new CopyOnWriteArrayList<>();
    private TestingServer zooKeeper;
    private SlackAuditLogsSimulator simulator;

    /** One node process; a node started again after a kill is a new one with a new name. */
    private record Node(String name, Process process, Path log) {
    }

    /** A request a node logged as sent. */
    private record Request(Node node, long millis) {
    }

    private record Checkpoint(long millis, String value) {
    }

    @AfterEach
    void stopEverything() throws Exception {
        Path kept = Path.of("target", "failover-logs");
        Files.createDirectories(kept);
        for (Node node : nodes) {
            node.process().destroyForcibly().waitFor(); // SIGKILL also ends a process frozen by SIGSTOP
            if (Files.exists(node.log())) { // the nodes' logs outlive the temporary directory, for a failure's reader
                Files.copy(node.log(), kept.resolve(node.log().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (simulator != null) {
            simulator.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void killedAndPausedLeadersHandOverWithoutLosingEventsOrMovingTheCheckpointBack() throws Exception {
        long began = System.nanoTime();
        createTables();
        zooKeeper = new TestingServer(new InstanceSpec(dir.resolve("zookeeper").toFile(), freePort(), -1, -1, true, -1,
                TICK_MILLIS, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"), true);
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(1212).events(EVENTS)
                .faults(FaultPlan.none().random(12, 0.05, Fault.status(500), Fault.status(503), Fault.rateLimited(1)))
                .build().start();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(this::sampleCheckpoint, 0, 20, TimeUnit.MILLISECONDS);
        try {
            Node first = startNode();
            await().atMost(Duration.ofSeconds(60)).until(() -> !requestsOf(first).isEmpty() || !first.process().isAlive());
            assertTrue(first.process().isAlive(), "the first node runs: see " + first.log());
            startNode();
            startNode();

            List<Disruption> disruptions = new ArrayList<>();
            disruptions.add(kill(0.15));
            disruptions.add(kill(0.40));
            Pause pause = pause(0.65);
            disruptions.add(pause.disruption());

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> checkpointPassedNewest() && deliveredIds() >= EVENTS);
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            Thread.sleep(500); // the last sample
            report(disruptions, pause, Duration.ofNanos(System.nanoTime() - began));
        } finally {
            sampler.shutdownNow();
        }
    }

    /** What happened to one leader, and when the next one took over. */
    private record Disruption(String what, Node leader, long atMillis) {
    }

    /** The frozen leader, and how many events it had written when it was let run on. */
    private record Pause(Disruption disruption, long resumedAtMillis, long linesAtResume) {
    }

    /** Waits until {@code fraction} of the events reached a sink, then SIGKILLs the leader and starts a new node. */
    private Disruption kill(double fraction) throws Exception {
        awaitDelivered(fraction);
        Node leader = leader();
        long at = System.currentTimeMillis();
        System.out.printf("%d SIGKILL %s%n", at, leader.name());
        leader.process().destroyForcibly().waitFor();
        startNode();
        awaitPollByAnotherNode(leader, at);
        return new Disruption("SIGKILL", leader, at);
    }

    /**
     * Waits until {@code fraction} of the events reached a sink, then SIGSTOPs the leader, waits until another node leads
     * and has moved the checkpoint, and lets the frozen one run on (SIGCONT).
     */
    private Pause pause(double fraction) throws Exception {
        awaitDelivered(fraction);
        Node leader = leader();
        long at = System.currentTimeMillis();
        System.out.printf("%d SIGSTOP %s%n", at, leader.name());
        ChildJvm.pause(leader.process());
        String checkpointWhenPaused = currentCheckpoint();
        awaitPollByAnotherNode(leader, at);
        await().atMost(Duration.ofSeconds(60)).until(() -> !checkpointWhenPaused.equals(currentCheckpoint()));
        long lines = sinkLines(leader);
        long resumedAt = System.currentTimeMillis();
        System.out.printf("%d SIGCONT %s%n", resumedAt, leader.name());
        ChildJvm.resume(leader.process());
        return new Pause(new Disruption("SIGSTOP", leader, at), resumedAt, lines);
    }

    private void report(List<Disruption> disruptions, Pause pause, Duration took) throws IOException {
        Map<String, Integer> deliveries = delivered();
        int duplicates = deliveries.values().stream().mapToInt(Integer::intValue).sum() - deliveries.size();
        long afterResume = sinkLines(pause.disruption().leader()) - pause.linesAtResume();
        List<Request> timeline = timeline();
        Predicate<Request> afterResumeByFrozen = r -> r.node().equals(pause.disruption().leader())
                                                      && r.millis() >= pause.resumedAtMillis();
        List<Request> stray = timeline.stream().filter(afterResumeByFrozen).toList();
        List<String> runs = runs(timeline.stream().filter(afterResumeByFrozen.negate()).toList());
        long received = simulator.requests().stream().filter(r -> r.path().endsWith("/logs")).count();

        System.out.printf("failover test: %,d events, %,d requests (%,d in the nodes' logs), pollers in turn %s,"
                          + " %d checkpoint values, took %s%n", simulator.eventCount(), received, timeline.size(), runs,
                checkpoints.size(), took);
        for (Disruption disruption : disruptions) {
            long lastByOld = timeline.stream().filter(r -> r.node().equals(disruption.leader())
                                                           && r.millis() <= disruption.atMillis())
                    .mapToLong(Request::millis).max().orElseThrow();
            Request firstByNew = timeline.stream().filter(r -> !r.node().equals(disruption.leader())
                                                               && r.millis() > disruption.atMillis())
                    .findFirst().orElseThrow();
            System.out.printf("  %s %s: failover %d ms (last request of the old leader to the first of %s)%n",
                    disruption.what(), disruption.leader().name(), firstByNew.millis() - lastByOld,
                    firstByNew.node().name());
        }
        System.out.printf("  duplicates %d; after SIGCONT the frozen leader sent %d requests (%s ms after it) and wrote"
                          + " %d events%n", duplicates, stray.size(),
                stray.stream().map(r -> Long.toString(r.millis() - pause.resumedAtMillis())).toList(), afterResume);

        assertEquals(new HashSet<>(simulator.eventIds()), deliveries.keySet(), "every event reached a sink");
        // one poller at a time: in the merged timeline each node's requests form one unbroken run, except what the
        // frozen leader sent after SIGCONT, before it noticed that its ZooKeeper session had expired
        assertEquals(new HashSet<>(runs).size(), runs.size(), "one poller at a time: " + runs);
        assertTrue(stray.stream().allMatch(r -> r.millis() < pause.resumedAtMillis() + SESSION_TIMEOUT_MILLIS),
                "the resumed ex-leader stopped polling within the session timeout");
        // the simulator saw the requests the nodes logged (a node killed between logging and sending loses one)
        assertTrue(received <= timeline.size() && timeline.size() <= received + disruptions.size(),
                "nodes logged " + timeline.size() + " requests, the simulator received " + received);
        for (int i = 1; i < checkpoints.size(); i++) {
            assertTrue(seconds(checkpoints.get(i).value()) >= seconds(checkpoints.get(i - 1).value()),
                    "the checkpoint moved back from " + checkpoints.get(i - 1) + " to " + checkpoints.get(i));
        }
        // duplicates: at most the event in flight at each change of leader, plus what the frozen leader delivered
        // after SIGCONT (it read its window before it was frozen; fencing refuses its commit)
        assertTrue(duplicates <= runs.size() - 1 + afterResume, "duplicates: " + duplicates);
        assertTrue(afterResume <= MAX_EVENTS_PER_WINDOW, "the frozen leader delivered at most the rest of its window");
    }

    private Node startNode() throws IOException {
        String name = "node-" + (nodes.size() + 1);
        Path log = dir.resolve(name + ".log");
        Process process = ChildJvm.start(log, List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=log4j2-node.properties"), FailoverNode.class,
                name, zooKeeper.getConnectString(), Long.toString(SESSION_TIMEOUT_MILLIS), SharedPostgres.jdbcUrl(),
                simulator.baseUrl(), TOKEN, Long.toString(simulator.oldestDateCreate()), dir.toString(), OPTIONS);
        Node node = new Node(name, process, log);
        nodes.add(node);
        return node;
    }

    private void createTables() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS CAMEL_MESSAGEPROCESSED");
            statement.execute("DROP TABLE IF EXISTS " + JdbcStateRepository.DEFAULT_TABLE);
            statement.execute(DeliveredIdsTable.CREATE_STATEMENT);
            statement.execute(state.createTableStatement());
        }
    }

    /** The leader: the node that sent the latest request (only the leader polls). */
    private Node leader() throws IOException {
        List<Request> timeline = timeline();
        Node leader = timeline.get(timeline.size() - 1).node();
        assertTrue(leader.process().isAlive(), leader.name() + " polls");
        return leader;
    }

    private void awaitPollByAnotherNode(Node old, long afterMillis) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> timeline().stream().anyMatch(r -> !r.node().equals(old) && r.millis() > afterMillis));
    }

    /** Waits until the ids of {@code fraction} of the events are stored as delivered. */
    private void awaitDelivered(double fraction) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> deliveredIds() >= fraction * EVENTS);
    }

    /** How many ids the nodes stored as delivered: cheap to ask often, unlike reading the sinks. */
    private long deliveredIds() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Every request the nodes logged, oldest first. */
    private List<Request> timeline() throws IOException {
        List<Request> requests = new ArrayList<>();
        for (Node node : nodes) {
            requests.addAll(requestsOf(node));
        }
        requests.sort((a, b) -> Long.compare(a.millis(), b.millis()));
        return requests;
    }

    private List<Request> requestsOf(Node node) throws IOException {
        List<Request> requests = new ArrayList<>();
        if (Files.exists(node.log())) {
            for (String line : Files.readAllLines(node.log())) {
                Matcher request = REQUEST.matcher(line);
                if (request.matches()) {
                    requests.add(new Request(node, Long.parseLong(request.group(1))));
                }
            }
        }
        return requests;
    }

    /** The names of the nodes in the order they polled, one entry per unbroken run of requests. */
    private static List<String> runs(List<Request> timeline) {
        List<String> runs = new ArrayList<>();
        for (Request request : timeline) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(request.node().name())) {
                runs.add(request.node().name());
            }
        }
        return runs;
    }

    private Path sink(Node node) {
        return dir.resolve("events-" + node.name() + ".jsonl");
    }

    private long sinkLines(Node node) {
        try (var lines = Files.exists(sink(node)) ? Files.lines(sink(node)) : Stream.<String>empty()) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often each id was written to a sink (a line cut short by SIGKILL does not count). */
    private Map<String, Integer> delivered() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Node node : nodes) {
            if (!Files.exists(sink(node))) {
                continue;
            }
            for (String line : Files.readAllLines(sink(node))) {
                try {
                    counts.merge(MAPPER.readTree(line).path("id").asText(), 1, Integer::sum);
                } catch (IOException partial) {
                    // the last line of a killed node may be incomplete
                }
            }
        }
        return counts;
    }

    private String currentCheckpoint() {
        return state.getState("org-audit");
    }

    private void sampleCheckpoint() {
        try {
            String value = currentCheckpoint();
            if (value != null && (checkpoints.isEmpty() || !checkpoints.get(checkpoints.size() - 1).value().equals(value))) {
                checkpoints.add(new Checkpoint(System.currentTimeMillis(), value));
            }
        } catch (RuntimeException e) {
            e.printStackTrace(); // the next sample tries again
        }
    }

    private boolean checkpointPassedNewest() {
        String value = currentCheckpoint();
        return value != null && seconds(value) > simulator.newestDateCreate();
    }

    /** The instant a checkpoint value begins with: ISO-8601 or Unix seconds, maybe followed by more. */
    private static long seconds(String value) {
        String first = value.trim().split("\\s+")[0];
        return first.chars().allMatch(Character::isDigit) ? Long.parseLong(first) : Instant.parse(first).getEpochSecond();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
