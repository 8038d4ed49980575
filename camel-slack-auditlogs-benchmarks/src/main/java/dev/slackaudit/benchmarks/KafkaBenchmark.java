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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.kafka.ExactlyOnceKafka;
import dev.slackaudit.camel.kafka.testing.CommittedTopic;
import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.camel.kafka.testing.KeyedRecords;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Events per second from the simulator into a real Kafka topic (a single-node KRaft broker in a JVM of its own), with
 * {@code batchSize=1000}: {@code ExactlyOnceKafka} (events and position in one transaction) against camel-kafka
 * without transactions (one message per event in a list body, keyed by the event id), alternated in one run, each
 * drain in a fresh CamelContext and topic. A drain is timed from the route's start to the export's end, the HTTP
 * reading included (the same for both); the topic is then read back {@code read_committed} and counted.
 * <p>
 * {@code ./run-benchmarks.sh} with {@code BENCHMARK_MAIN=dev.slackaudit.benchmarks.KafkaBenchmark}; arguments: events
 * (default 200,000) and rounds (default 3).
 */
public final class KafkaBenchmark {

    private static final String TOKEN = "xoxp-kafka-benchmark";

    private KafkaBenchmark() {
    }

    private record Drain(String route, int round, long events, double seconds, int records, int distinct) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("kafka-benchmark");
        String machine = Machine.describe();
        List<Drain> drains = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
             SlackAuditLogsSimulator slack = SlackAuditLogsSimulator.builder().token(TOKEN).seed(1).events(events)
                     .timeSpan(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T23:59:59Z"))
                     .build().start()) {
            for (int round = 1; round <= rounds; round++) {
                // alternated: the first route of a round is the other one next round
                for (boolean transactional : round % 2 == 1 ? new boolean[] { true, false } : new boolean[] { false, true }) {
                    Drain drain = drain(broker, slack, round, transactional);
                    drains.add(drain);
                    System.out.printf("round %d %-32s %,9.0f events/s (%,d records read_committed, %,d distinct)%n",
                                      round, drain.route(), drain.eventsPerSecond(), drain.records(), drain.distinct());
                }
            }
        }
        System.out.println();
        System.out.println(report(events, rounds, machine, drains));
    }

    private static Drain drain(EmbeddedKafkaBroker broker, SlackAuditLogsSimulator slack, int round,
                               boolean transactional) throws Exception {
        String topic = (transactional ? "exactly-once-" : "plain-") + round;
        broker.createTopic(topic, 1);
        String from = "slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + slack.baseUrl() + "&oldest="
                      + slack.oldestDateCreate() + "&latest=" + (slack.newestDateCreate() + 1)
                      + "&initialDelay=0&maxRequestsPerMinute=0&batchSize=1000&stateKey=" + topic;
        long began;
        long took;
        try (CamelContext context = new DefaultCamelContext()) {
            if (transactional) {
                ExactlyOnceKafka kafka = new ExactlyOnceKafka(broker.bootstrapServers(), topic, "benchmark-" + topic);
                context.getRegistry().bind("kafka", kafka);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from + "&stateRepository=#kafka&idempotentRepository=#kafka").routeId("drain").process(kafka);
                    }
                });
            } else {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from).routeId("drain").process(new KeyedRecords())
                                .to("kafka:" + topic + "?brokers=" + broker.bootstrapServers());
                    }
                });
            }
            began = System.nanoTime();
            context.start();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("drain").getConsumer();
            // complete, and the poll that got there has ended: its last position is written (committed)
            while (!consumer.isExportComplete() || consumer.isPolling()) {
                Thread.sleep(20);
            }
            took = System.nanoTime() - began;
        }
        Map<String, Integer> counts = CommittedTopic.countByKey(broker.bootstrapServers(), topic);
        return new Drain(transactional ? "ExactlyOnceKafka (transactional)" : "camel-kafka (not transactional)", round,
                         slack.eventCount(), took / 1e9, counts.values().stream().mapToInt(Integer::intValue).sum(),
                         counts.size());
    }

    private static String report(int events, int rounds, String machine, List<Drain> drains) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Kafka benchmark: %,d events, batchSize=1000, %d rounds alternated; %s%n%n", events,
                                 rounds, machine));
        out.append("| route | events/s, median (min..max) | records read_committed per event |\n|---|---|---|\n");
        double[] medians = new double[2];
        int i = 0;
        for (String route : drains.stream().map(Drain::route).distinct().toList()) {
            List<Double> rates = drains.stream().filter(d -> d.route().equals(route)).map(Drain::eventsPerSecond)
                    .sorted().toList();
            double median = rates.get(rates.size() / 2);
            medians[i++] = median;
            String recordsPerEvent = drains.stream().filter(d -> d.route().equals(route))
                    .map(d -> String.format("%.3f", (double) d.records() / d.events())).distinct().toList().toString();
            out.append(String.format("| %s | %,.0f (%,.0f..%,.0f) | %s |%n", route, median, rates.get(0),
                                     rates.get(rates.size() - 1), recordsPerEvent));
        }
        out.append(String.format("%ntransactional / not transactional (medians): %.2f%n", medians[0] / medians[1]));
        return out.toString();
    }
}
