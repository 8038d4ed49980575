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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example as shipped: application.yaml unchanged, with the environment variables it reads pointing at a
 * simulated organization on loopback whose events all lie within the first start's reach (oldest: PT1H).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests export no metrics unless asked: this one checks /actuator/prometheus as the application serves it
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class AuditLogsToJsonLinesTest {

    private static final String TOKEN = "xoxp-example-0123456789-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static SlackAuditLogsSimulator slack;

    @BeforeAll
    static void startSlack() {
        slack = ExampleEnvironment.organization(TOKEN);
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry environment) {
        ExampleEnvironment.slack(environment, TOKEN, slack);
        ExampleEnvironment.files(environment, data);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void writesEveryEventOnceAsOneJsonLine() throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> jsonLines().size() >= slack.eventCount());

        List<String> ids = new ArrayList<>();
        for (String line : jsonLines()) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(slack.eventIds());
    }

    @Test
    void keepsTheCheckpointInTheFileStateRepository() {
        Path checkpointFile = data.resolve("checkpoint.dat");

        // key=value lines whose first word is the checkpoint (ISO instant); it must have passed the newest event
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(checkpointFile)
                && Files.readAllLines(checkpointFile).stream()
                        .filter(line -> line.contains("="))
                        .map(line -> line.substring(line.indexOf('=') + 1))
                        // the checkpoint is the value's first word ("2026-11-21T10:00:00Z delivered=...")
                        .anyMatch(value -> Instant.parse(value.split(" ")[0]).getEpochSecond() > slack.newestDateCreate()));
    }

    @Test
    void remembersTheDeliveredIdsInTheFileIdempotentRepository() {
        Path idsFile = data.resolve("delivered-ids.dat");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(idsFile)
                && Files.readAllLines(idsFile).size() >= slack.eventCount());
    }

    @Test
    void showsTheConsumerUpInActuatorHealth() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ActuatorHealth.fetch(http).consumerState()).isEqualTo("UP"));
    }

    @Test
    void exposesTheConsumersMetricsToPrometheus() {
        // the counters move from nothing to the whole drain
        await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusScrape.fetch(http)
                .routeSample("slack_auditlogs_events_delivered_total").orElse(0) == slack.eventCount());

        PrometheusScrape scrape = PrometheusScrape.fetch(http);
        assertThat(scrape.routeSample("slack_auditlogs_requests_total").orElseThrow()).isPositive();
        assertThat(scrape.routeSample("slack_auditlogs_pages_fetched_total").orElseThrow()).isPositive();
        assertThat(scrape.routeSample("slack_auditlogs_export_complete")).hasValue(0);
        assertThat(scrape.routeSample("slack_auditlogs_failed_polls_total")).hasValue(0);
        assertThat(scrape.routeSample("slack_auditlogs_rate_limited_total")).hasValue(0);
        assertThat(scrape.routeSample("slack_auditlogs_rate_limit_wait_seconds_total")).hasValue(0);
        assertThat(scrape.routeSample("slack_auditlogs_retries_total")).hasValue(0);
        // caught up: the checkpoint trails now by the lag (1 minute) plus at most a poll interval (1 minute), so
        // between polls the hour read at the first start shows a little under 100 %
        assertThat(scrape.routeSample("slack_auditlogs_backfill_progress_percent").orElseThrow()).isGreaterThan(90);
        assertThat(scrape.routeSample("slack_auditlogs_seconds_behind").orElseThrow()).isLessThan(300);
        assertThat(scrape.routeSample("slack_auditlogs_last_successful_poll_timestamp_seconds").orElseThrow())
                .isGreaterThan(slack.newestDateCreate());
    }

    @Test
    void keepsTheTokenOutOfThePrometheusScrape() {
        await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusScrape.fetch(http)
                .routeSample("slack_auditlogs_events_delivered_total").isPresent());

        String scrape = PrometheusScrape.fetch(http).body();
        assertThat(scrape).contains("checkpointKey=\"spring-boot-example\"");
        assertThat(scrape).doesNotContain(TOKEN).doesNotContain("0123456789-secret");
    }

    private static List<String> jsonLines() throws IOException {
        Path directory = data.resolve("audit");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }
}
