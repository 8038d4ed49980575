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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.kafka.testing.CommittedTopic;
import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ExactlyOnceKafka} in one JVM against a real broker: a failed exchange, a restart, a fenced producer. */
class ExactlyOnceKafkaTest {

    private static final String TOKEN = "xoxp-exactly-once";
    private static final int EVENTS = 3_000;

    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static SlackAuditLogsSimulator simulator;

    @BeforeAll
    static void startBrokerAndSlack() throws IOException {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(1821).events(EVENTS).build().start();
    }

    @AfterAll
    static void stopBrokerAndSlack() throws InterruptedException {
        simulator.close();
        broker.close();
    }

    @Test
    void anExchangeThatFailsAfterItsRecordsWereSentAbortsTheirTransactionAndTheWindowIsSentAgain() throws Exception {
        broker.createTopic("failed-exchange", 1);
        ExactlyOnceKafka kafka = new ExactlyOnceKafka(broker.bootstrapServers(), "failed-exchange", "test-failed-exchange");
        AtomicBoolean failedOnce = new AtomicBoolean();

        drain(kafka, "failed-exchange", simulator.newestDateCreate() + 1,
              route -> route.process(kafka).process(exchange -> {
                  if (failedOnce.compareAndSet(false, true)) {
                      throw new IllegalStateException("the sink after Kafka fails once");
                  }
              }));

        Tally tally = Tally.of(broker.bootstrapServers(), "failed-exchange", simulator.eventIds());
        assertTrue(failedOnce.get());
        assertTrue(kafka.getAborts() >= 1, "aborts: " + kafka.getAborts());
        assertEquals(0, tally.lost(), "lost: " + tally);
        assertEquals(0, tally.duplicates(), "duplicates: " + tally);
    }

    @Test
    void aRestartReadsThePositionBackAndGoesOnFromThere() throws Exception {
        broker.createTopic("restart", 1);
        long middle = (simulator.oldestDateCreate() + simulator.newestDateCreate()) / 2;
        ExactlyOnceKafka first = new ExactlyOnceKafka(broker.bootstrapServers(), "restart", "test-restart");
        drain(first, "restart", middle, route -> route.process(first));
        long firstHalf = Tally.of(broker.bootstrapServers(), "restart", simulator.eventIds()).records();
        ExactlyOnceKafka second = new ExactlyOnceKafka(broker.bootstrapServers(), "restart", "test-restart");

        drain(second, "restart", simulator.newestDateCreate() + 1, route -> route.process(second));

        Tally tally = Tally.of(broker.bootstrapServers(), "restart", simulator.eventIds());
        assertTrue(firstHalf > 0 && firstHalf < EVENTS, "the first run sent part of the events: " + firstHalf);
        assertEquals(0, tally.lost(), "lost: " + tally);
        assertEquals(0, tally.duplicates(), "duplicates: " + tally);
    }

    @Test
    void aFailedReadOfThePositionIsReadAgainBeforeAnythingIsCommitted() throws Exception {
        broker.createTopic("reread", 1);
        ExactlyOnceKafka first = new ExactlyOnceKafka(broker.bootstrapServers(), "reread", "test-reread");
        first.start();
        assertNull(first.getState("k"));
        assertTrue(first.compareAndSetState("k", null, "1700000000"));
        first.stop();
        ExactlyOnceKafka second = new ExactlyOnceKafka(broker.bootstrapServers(), "reread", "test-reread")
                .readTimeout(Duration.ofNanos(1));
        second.start();
        try {
            assertThrows(RuntimeException.class, () -> second.getState("k"), "no read can finish in a nanosecond");
            assertFalse(second.compareAndSetState("k", null, "1600000000"), "nothing commits before a read succeeded");
            second.readTimeout(Duration.ofSeconds(60));

            assertEquals("1700000000", second.getState("k"));
        } finally {
            second.stop();
        }
    }

    @Test
    void aNewProducerWithTheSameTransactionalIdFencesTheOldOneAndItsLateCommitIsRefused() throws Exception {
        broker.createTopic("fencing", 1);
        ExactlyOnceKafka oldLeader = new ExactlyOnceKafka(broker.bootstrapServers(), "fencing", "test-fencing");
        ExactlyOnceKafka newLeader = new ExactlyOnceKafka(broker.bootstrapServers(), "fencing", "test-fencing");
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertNull(oldLeader.getState("org"));
            oldLeader.process(event(context, "sent-by-the-old-leader"));

            assertNull(newLeader.getState("org"), "nothing was committed"); // its producer's start fences the old one
            newLeader.process(event(context, "sent-by-the-new-leader"));
            assertTrue(newLeader.compareAndSetState("org", null, "2026-12-06T10:00:00Z"));
            boolean lateCommit = oldLeader.compareAndSetState("org", null, "2026-12-06T09:00:00Z");

            assertFalse(lateCommit, "the old leader's late commit is refused");
            assertEquals(1, oldLeader.getFenced(), "refused with ProducerFencedException");
            assertEquals(Map.of("sent-by-the-new-leader", 1),
                         CommittedTopic.countByKey(broker.bootstrapServers(), "fencing"));
        } finally {
            oldLeader.stop();
            newLeader.stop();
        }
    }

    /** An exchange as a route would carry a transformed event: any body, with the consumer's id and time headers. */
    private static Exchange event(CamelContext context, String id) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody("{\"id\":\"" + id + "\"}");
        exchange.getIn().setHeader(SlackAuditLogsConstants.ID, id);
        exchange.getIn().setHeader(SlackAuditLogsConstants.DATE_CREATE, 1_796_000_000L);
        return exchange;
    }

    /** Runs the consumer with {@code kafka} as its repositories over the events before {@code latest}, then stops it. */
    private static void drain(ExactlyOnceKafka kafka, String stateKey, long latest, Consumer<RouteDefinition> rest)
            throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("kafka", kafka);
            String uri = "slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                         + simulator.oldestDateCreate() + "&latest=" + latest + "&initialDelay=0&delay=100&retryDelay=PT0.05S&maxRequestsPerMinute=0&batchSize=500"
                         + "&maxEventsPerWindow=1000&stateKey=" + stateKey
                         + "&stateRepository=#kafka&idempotentRepository=#kafka";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    rest.accept(from(uri).routeId("audit"));
                }
            });
            context.start();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> consumer.isExportComplete() && !consumer.isPolling());
        }
    }
}
