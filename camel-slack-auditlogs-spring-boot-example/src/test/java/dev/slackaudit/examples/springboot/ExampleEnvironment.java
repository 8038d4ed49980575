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
import java.time.Instant;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the example's tests point the shipped application.yaml at: a simulated organization and a data directory. */
final class ExampleEnvironment {

    private ExampleEnvironment() {
    }

    /**
     * A simulated organization on loopback that accepts only {@code token}, with 300 events that all lie within the
     * first start's reach (application.yaml's oldest: PT1H).
     */
    static SlackAuditLogsSimulator organization(String token) {
        Instant now = Instant.now();
        return SlackAuditLogsSimulator.builder().token(token).events(300)
                .timeSpan(now.minus(Duration.ofMinutes(50)), now.minus(Duration.ofMinutes(2))).build().start();
    }

    /** The environment variables the example reads for Slack: the token and the API's URL. */
    static void slack(DynamicPropertyRegistry environment, String token, SlackAuditLogsSimulator slack) {
        environment.add("SLACK_AUDIT_TOKEN", () -> token);
        environment.add("SLACK_AUDIT_BASE_URL", slack::baseUrl);
    }

    /** The default profile's files in {@code data}: the JSON Lines, the checkpoint and the delivered ids. */
    static void files(DynamicPropertyRegistry environment, Path data) {
        environment.add("audit.output-directory", () -> data.resolve("audit").toString());
        environment.add("audit.checkpoint-file", () -> data.resolve("checkpoint.dat").toString());
        environment.add("audit.delivered-ids-file", () -> data.resolve("delivered-ids.dat").toString());
    }
}
