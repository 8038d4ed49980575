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

import java.io.IOException;
import java.nio.file.Path;

import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.examples.SlackToKafka.Outcome;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's Kafka route against a real broker: every event, keyed by its id, in Slack's order, plain and exactly-once. */
class SlackToKafkaTest {

    private static final int EVENTS = 3_000;

    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static SlackAuditLogsSimulator slack;

    @BeforeAll
    static void startKafkaAndSlack() throws IOException {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        slack = SlackAuditLogsSimulator.builder().token(SlackToKafka.TOKEN).seed(2121).events(EVENTS).build().start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (slack != null) {
            slack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void plainRouteSendsEveryEventKeyedByItsIdInSlackOrder() throws Exception {
        broker.createTopic("plain", 1);

        Outcome outcome = SlackToKafka.run(slack, broker.bootstrapServers(), "plain", false);

        assertEquals(new Outcome(EVENTS, EVENTS, 0, 0, true), outcome);
    }

    @Test
    void exactlyOnceRouteSendsEveryEventOnceInSlackOrder() throws Exception {
        broker.createTopic("exactly-once", 1);

        Outcome outcome = SlackToKafka.run(slack, broker.bootstrapServers(), "exactly-once", true);

        assertEquals(new Outcome(EVENTS, EVENTS, 0, 0, true), outcome);
    }
}
