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
package dev.slackaudit.camel.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.testing.ChildJvm;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (KRaft: one process is broker and controller) in a JVM of its own, from Apache Kafka's Maven
 * artifacts: no Docker, no download. A JVM of its own so that a test can freeze it (SIGSTOP) as an unreachable broker
 * and so that its threads and heap stay out of the test's. The log directory outlives a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker with its data and its log ({@code broker.log}) in {@code directory}, and waits until it answers. */
    public static EmbeddedKafkaBroker start(Path directory) throws IOException {
        Files.createDirectories(directory);
        int port = freePort();
        Process process = ChildJvm.start(directory.resolve("broker.log"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dlog4j2.configurationFile=log4j2-broker.properties"),
                EmbeddedKafkaBroker.class, directory.toString(), Integer.toString(port), Integer.toString(freePort()));
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(process, "127.0.0.1:" + port);
        broker.awaitReady(directory);
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates a topic, or does nothing if it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("Could not create the topic " + name, e);
            }
        }
    }

    /** Freezes the broker (SIGSTOP): clients time out as they would with a broker down or cut off. */
    public void freeze() throws IOException, InterruptedException {
        ChildJvm.pause(process);
    }

    /** Lets a frozen broker run on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        ChildJvm.resume(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(); // SIGKILL also ends a frozen process
    }

    private void awaitReady(Path directory) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited: see " + directory.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 2000,
                                                   "default.api.timeout.ms", 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep(250);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The Kafka broker did not answer within 90 s: see " + directory.resolve("broker.log"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The broker's JVM: formats the log directory on first start, then runs until killed. */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String port = args[1];
        String controllerPort = args[2];
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", directory.resolve("data").toString());
        // one node: every internal topic with one replica, and few partitions so that they are created fast
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.partitions", "1");
        Path file = directory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            config.store(out, "the embedded broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int formatted = StorageTool.execute(new String[] { "format", "--ignore-formatted", "-t",
                Uuid.randomUuid().toString(), "-c", file.toString() }, System.out);
        if (formatted != 0) {
            throw new IllegalStateException("Formatting " + directory + " failed with " + formatted);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        System.out.println("KAFKA STARTED on 127.0.0.1:" + port);
        new CountDownLatch(1).await(); // until killed
    }
}
