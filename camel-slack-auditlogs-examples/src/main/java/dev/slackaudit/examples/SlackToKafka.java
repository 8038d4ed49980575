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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.kafka.ExactlyOnceKafka;
import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The README's Kafka route, runnable: the synthetic organization of the demo (embedded simulator) into a topic of an
 * embedded single-node Kafka, then the topic read back {@code read_committed} and counted.
 * <pre>
 * java -cp camel-slack-auditlogs-examples/target/camel-slack-auditlogs-examples-1.0.0-SNAPSHOT.jar \
 *      dev.slackaudit.examples.SlackToKafka [--exactly-once] [--brokers=host:9092]
 * </pre>
 * Plain: camel-kafka, one record per event, keyed by the event id (at-least-once into Kafka). With
 * {@code --exactly-once}: {@link ExactlyOnceKafka}, batches of 1,000 events and the position in one transaction.
 * The topic has one partition, so readers see the events in Slack's order.
 */
public final class SlackToKafka {

    static final String TOPIC = "slack-audit";
    static final String TOKEN = "xoxp-slack-to-kafka";
    private static final Pattern DATE_CREATE = Pattern.compile("\"date_create\"\\s*:\\s*(\\d+)");

    private SlackToKafka() {
    }

    /** What a read_committed reader found in the topic. */
    record Outcome(int events, int records, int lost, int duplicates, boolean inSlackOrder) {
    }

    public static void main(String... args) throws Exception {
        boolean exactlyOnce = List.of(args).contains("--exactly-once");
        String brokers = List.of(args).stream().filter(a -> a.startsWith("--brokers=")).map(a -> a.substring(10))
                .findFirst().orElse(null);
        Path work = Files.createTempDirectory("slack-to-kafka");
        try (EmbeddedKafkaBroker embedded = brokers == null ? EmbeddedKafkaBroker.start(work.resolve("kafka")) : null;
             SlackAuditLogsSimulator slack = new DemoOrg().apply(TOKEN).start()) {
            String bootstrap = brokers != null ? brokers : embedded.bootstrapServers();
            System.out.printf("Kafka at %s, Slack's simulator at %s: %,d events into the topic %s (%s)%n", bootstrap,
                              slack.baseUrl(), slack.eventCount(), TOPIC, exactlyOnce ? "exactly-once" : "plain");
            long began = System.nanoTime();
            Outcome outcome = run(slack, bootstrap, TOPIC, exactlyOnce);
            System.out.printf("Done in %.1f s. A read_committed reader of %s found %,d records for %,d events: %d lost,"
                              + " %d duplicates, %s%n", (System.nanoTime() - began) / 1e9, TOPIC, outcome.records(),
                              outcome.events(), outcome.lost(), outcome.duplicates(),
                              outcome.inSlackOrder() ? "in Slack's order (date_create)" : "NOT in Slack's order");
        }
    }

    /** Streams every event of {@code slack} into {@code topic}, then reads the topic back. */
    static Outcome run(SlackAuditLogsSimulator slack, String brokers, String topic, boolean exactlyOnce)
            throws Exception {
        String from = "slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + slack.baseUrl() + "&oldest="
                      + slack.oldestDateCreate() + "&latest=" + (slack.newestDateCreate() + 1) + "&initialDelay=0";
        try (CamelContext context = new DefaultCamelContext()) {
            if (exactlyOnce) {
                ExactlyOnceKafka kafka = new ExactlyOnceKafka(brokers, topic, "slack-audit-demo-org");
                context.getRegistry().bind("kafka", kafka);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from + "&batchSize=1000&stateRepository=#kafka&idempotentRepository=#kafka")
                                .routeId("slack-to-kafka")
                                .process(kafka);
                    }
                });
            } else {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from)
                                .routeId("slack-to-kafka")
                                .setHeader(KafkaConstants.KEY, header(SlackAuditLogsConstants.ID))
                                .to("kafka:" + topic + "?brokers=" + brokers);
                    }
                });
            }
            context.start();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("slack-to-kafka").getConsumer();
            // complete, and the poll that got there has ended: its last position is written (committed)
            while (!consumer.isExportComplete() || consumer.isPolling()) {
                Thread.sleep(200);
            }
        }
        return readBack(brokers, topic, slack);
    }

    /** Reads the topic as a downstream reader should: isolation.level=read_committed, from the beginning to the end. */
    static Outcome readBack(String brokers, String topic, SlackAuditLogsSimulator slack) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                                            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> counts = new HashMap<>();
        long[] lastDateCreate = { Long.MIN_VALUE };
        boolean[] inOrder = { true };
        try (KafkaConsumer<String, String> reader
                = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition)).get(partition);
            while (reader.position(partition) < end) {
                reader.poll(Duration.ofMillis(500)).forEach(record -> {
                    counts.merge(record.key(), 1, Integer::sum);
                    Matcher dateCreate = DATE_CREATE.matcher(record.value());
                    long second = dateCreate.find() ? Long.parseLong(dateCreate.group(1)) : Long.MIN_VALUE;
                    inOrder[0] &= second >= lastDateCreate[0];
                    lastDateCreate[0] = second;
                });
            }
        }
        List<String> expected = slack.eventIds();
        int lost = (int) expected.stream().filter(id -> !counts.containsKey(id)).count();
        int records = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Outcome(expected.size(), records, lost, records - counts.size(), inOrder[0]);
    }
}
