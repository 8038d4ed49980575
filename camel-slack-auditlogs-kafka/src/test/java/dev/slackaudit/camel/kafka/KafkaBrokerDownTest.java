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

import java.nio.file.Path;
import java.time.Duration;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker stops answering in the middle of a backfill (frozen with SIGSTOP, as a broker down or cut off): the
 * window's transaction cannot commit, so the position does not move and the consumer retries the window, polling
 * again until the broker is back; then every event is there once.
 */
class KafkaBrokerDownTest {

    private static final String TOKEN = "xoxp-kafka-down";
    private static final String TOPIC = "audit-broker-down";
    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;
    private EmbeddedKafkaBroker broker;
    private SlackAuditLogsSimulator simulator;
    private CamelContext context;

    @AfterEach
    void stopEverything() throws Exception {
        if (context != null) {
            context.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void windowIsRetriedAndPositionStaysWhileTheBrokerIsDown() throws Exception {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        broker.createTopic(TOPIC, 1);
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(1820).events(EVENTS).build().start();
        ExactlyOnceKafka kafka = new ExactlyOnceKafka(broker.bootstrapServers(), TOPIC, "slack-audit-down");
        for (String[] property : KafkaNode.CLIENT_TIMEOUTS) {
            kafka.clientProperty(property[0], property[1]);
        }
        context = new DefaultCamelContext();
        context.getRegistry().bind("kafka", kafka);
        String uri = "slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                     + simulator.oldestDateCreate() + "&latest=" + (simulator.newestDateCreate() + 1)
                     + "&lag=PT0S&initialDelay=0&delay=500&maxRequestsPerMinute=0&limit=1000&maxEventsPerWindow=2000"
                     + "&batchSize=500&stateRepository=#kafka&idempotentRepository=#kafka";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("audit").process(kafka).delay(100);
            }
        });
        context.start();
        SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();

        await().atMost(Duration.ofMinutes(1)).until(() -> kafka.getCommits() >= 4);
        broker.freeze();
        long failedPollsBefore = consumer.getFailedPolls();
        await().atMost(Duration.ofMinutes(1)).until(() -> consumer.getFailedPolls() > failedPollsBefore);
        long commitsWhileDown = kafka.getCommits();
        long abortsWhileDown = kafka.getAborts();
        // the consumer keeps retrying while the broker is down: polls fail, nothing commits
        await().atMost(Duration.ofMinutes(1)).until(() -> consumer.getFailedPolls() >= failedPollsBefore + 2);
        assertEquals(commitsWhileDown, kafka.getCommits(), "nothing committed while the broker is down");
        broker.thaw();

        await().atMost(Duration.ofMinutes(2)).until(consumer::isExportComplete);
        Tally tally = Tally.of(broker.bootstrapServers(), TOPIC, simulator.eventIds());
        System.out.printf("broker frozen mid-run: %d failed polls, %d aborted transactions; then %s%n",
                          consumer.getFailedPolls() - failedPollsBefore, abortsWhileDown, tally);
        assertTrue(abortsWhileDown >= 1, "the open transaction was aborted");
        assertEquals(0, tally.lost(), "lost: " + tally);
        assertEquals(0, tally.duplicates(), "duplicates: " + tally);
    }
}
