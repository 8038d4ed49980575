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

import java.nio.file.Path;
import java.time.Duration;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A token Slack rejects: the operator sees it in /actuator/health, and never sees the token there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RejectedTokenHealthTest {

    private static final String REJECTED_TOKEN = "xoxp-revoked-9876543210-secret";

    @TempDir
    static Path data;
    static SlackAuditLogsSimulator slack;

    @BeforeAll
    static void startSlack() {
        slack = SlackAuditLogsSimulator.builder().token("xoxp-the-only-valid-token").events(10).build().start();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry environment) {
        ExampleEnvironment.slack(environment, REJECTED_TOKEN, slack);
        ExampleEnvironment.files(environment, data);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void reportsTheConsumerDownWithSlacksReason() {
        ActuatorHealth health = awaitRejectionReported();

        assertThat(health.consumerState()).isEqualTo("DOWN");
        assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void keepsTheTokenOutOfTheHealthOutput() {
        ActuatorHealth health = awaitRejectionReported();

        assertThat(health.body()).doesNotContain(REJECTED_TOKEN);
    }

    /** Waits for the first poll's failure to show, message and stack trace included (exposure-level: full). */
    private ActuatorHealth awaitRejectionReported() {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> ActuatorHealth.fetch(http), health -> health.body().contains("invalid_authentication"));
    }
}
