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
package dev.slackaudit.examples.springboot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.slackaudit.camel.kafka.ExactlyOnceKafka;
import dev.slackaudit.camel.kafka.testing.CommittedTopic;
import dev.slackaudit.camel.kafka.testing.EmbeddedKafkaBroker;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example with {@code spring.profiles.active=kafka}, as shipped, against a real Kafka broker started here: every
 * event reaches the topic once for a {@code read_committed} reader, with the position committed beside it.
 */
@SpringBootTest
@ActiveProfiles("kafka")
@DirtiesContext
class KafkaProfileTest {

    private static final String TOKEN = "xoxp-example-kafka-0123456789-secret";
    private static final String TOPIC = "slack-audit-example";

    @TempDir
    static Path data;
    static SlackAuditLogsSimulator slack;
    static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startInfrastructure() throws IOException {
        slack = ExampleEnvironment.organization(TOKEN);
        kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"));
        kafka.createTopic(TOPIC, 1);
    }

    @AfterAll
    static void stopInfrastructure() throws InterruptedException {
        slack.close();
        kafka.close();
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry environment) {
        ExampleEnvironment.slack(environment, TOKEN, slack);
        environment.add("AUDIT_KAFKA_BROKERS", () -> kafka.bootstrapServers());
        environment.add("AUDIT_KAFKA_TOPIC", () -> TOPIC);
    }

    @Autowired
    ExactlyOnceKafka exactlyOnceKafka;

    @Test
    void sendsEveryEventOnceToKafkaWithThePositionInTheSameTransactions() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> CommittedTopic.countByKey(kafka.bootstrapServers(), TOPIC).size() >= slack.eventCount());

        Map<String, Integer> counts = CommittedTopic.countByKey(kafka.bootstrapServers(), TOPIC);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(slack.eventIds());
        assertThat(counts.values()).allMatch(count -> count == 1);
        assertThat(exactlyOnceKafka.getCommits()).isPositive();
    }
}
