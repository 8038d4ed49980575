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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.simulator.HttpCollector;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch routes against the simulator: one JSON Lines object per batch (raw or OCSF), batches posted to a bulk
 * collector, and ECS documents indexed through Elasticsearch's {@code _bulk}.
 */
class BatchRoutesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "xoxp-batch-examples";
    private static final int BATCH_SIZE = 40;
    /** Splunk's HTTP Event Collector, briefly down: a 503. */
    private static final String SPLUNK_BUSY = "{\"text\":\"Server busy\"}";
    /** Elasticsearch's _bulk with a full write queue: a 200 whose body says errors, each item a 429. */
    private static final String ELASTICSEARCH_QUEUE_FULL = "{\"took\":3,\"errors\":true,\"items\":[{\"index\":"
            + "{\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":"
            + "\"write queue full\"}}}]}";

    @TempDir
    Path dir;

    private SlackAuditLogsSimulator simulator;
    private final CamelContext context = new DefaultCamelContext();

    @BeforeEach
    void startSimulator() throws Exception {
        // 500 events over the two hours that ended ten minutes ago, read in windows of 20 minutes
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(31).events(500)
                .timeSpan(Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofMinutes(10)))
                .build().start();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        simulator.close();
    }

    private String consumerUri() {
        return "slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
               + simulator.oldestDateCreate() + "&lag=PT0S&initialDelay=0&delay=100&maxRequestsPerMinute=0"
               + "&retryDelay=PT0.01S&windowSize=PT20M&batchSize=" + BATCH_SIZE;
    }

    private List<String> idsOldestFirst() {
        List<String> ids = new ArrayList<>(simulator.eventIds());
        Collections.reverse(ids);
        return ids;
    }

    private static List<String> idsOf(String jsonLines) {
        return jsonLines.lines().map(line -> AuditLogEntry.parse(line).getId()).toList();
    }

    @Test
    void writesOneJsonLinesObjectPerBatchUnderNamesThatSortByTime() throws Exception {
        Path out = dir.resolve("objects");
        context.addRoutes(new JsonLinesBatchesRoute(consumerUri(), out.toString()));
        context.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> objects(out).stream().mapToLong(BatchRoutesTest::lineCount)
                .sum() == simulator.eventCount());

        List<String> ids = new ArrayList<>();
        for (Path object : objects(out)) {
            List<String> lines = Files.readAllLines(object);
            assertTrue(lines.size() <= BATCH_SIZE, object + " holds " + lines.size() + " events");
            AuditLogEntry first = AuditLogEntry.parse(lines.get(0));
            assertEquals(first.getDateCreate() + "-" + first.getId() + ".jsonl", object.getFileName().toString());
            lines.forEach(line -> ids.add(AuditLogEntry.parse(line).getId()));
        }
        assertEquals(idsOldestFirst(), ids, "the objects in name order hold every event once, oldest first");
    }

    @Test
    void postsEachBatchToTheHttpCollectorAsJsonLines() throws Exception {
        try (HttpCollector collector = HttpCollector.start()) {
            context.addRoutes(new BulkHttpRoute(consumerUri(), collector.root() + "/services/collector/raw"));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> posted(collector).size() == simulator.eventCount());

            assertEquals(idsOldestFirst(), posted(collector), "every event once, oldest first");
            for (HttpCollector.Post post : collector.accepted()) {
                assertEquals("application/x-ndjson", post.contentType());
                assertTrue(idsOf(post.body()).size() <= BATCH_SIZE);
            }
            assertTrue(collector.accepted().size() > 1, "several batches: " + collector.accepted().size());
        }
    }

    @Test
    void aBatchTheCollectorRefusedIsPostedAgainAndNothingIsLost() throws Exception {
        try (HttpCollector collector = HttpCollector.refusingFirst(1, 503, SPLUNK_BUSY)) {
            context.addRoutes(new BulkHttpRoute(consumerUri(), collector.root() + "/services/collector/raw"));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> posted(collector).size() == simulator.eventCount());

            assertEquals(idsOldestFirst(), posted(collector), "every event accepted once, oldest first");
            assertEquals(collector.refused().get(0), collector.accepted().get(0).body(),
                    "the refused batch was posted again, the same events");
        }
    }

    @Test
    void writesOcsfDocumentsOneJsonLinesObjectPerBatch() throws Exception {
        Path out = dir.resolve("ocsf");
        context.addRoutes(new JsonLinesBatchesRoute(consumerUri(), out.toString(), "slack-auditlogs:ocsf"));
        context.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> objects(out).stream().mapToLong(BatchRoutesTest::lineCount)
                .sum() == simulator.eventCount());

        List<String> ids = new ArrayList<>();
        for (Path object : objects(out)) {
            for (String line : Files.readAllLines(object)) {
                JsonNode document = MAPPER.readTree(line);
                assertTrue(document.path("class_uid").isInt(), line);
                assertEquals(document.path("metadata").path("uid").asText(),
                        AuditLogEntry.parse(document.path("raw_data").asText()).getId(), "the raw event travels along");
                ids.add(document.path("metadata").path("uid").asText());
            }
        }
        assertEquals(idsOldestFirst(), ids, "the objects in name order hold every event's document once, oldest first");
    }

    @Test
    void indexesEachBatchIntoElasticsearchAsEcsDocumentsWhoseIdIsTheEventId() throws Exception {
        try (HttpCollector elasticsearch = HttpCollector.start()) {
            context.addRoutes(new ElasticsearchBulkRoute(consumerUri(), elasticsearch.root(), "logs-slack.audit-default"));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed(elasticsearch).size() == simulator.eventCount());

            assertEquals(idsOldestFirst(), indexed(elasticsearch), "every event once, oldest first");
            for (HttpCollector.Post post : elasticsearch.accepted()) {
                assertEquals("/_bulk", post.path());
                assertEquals("application/x-ndjson", post.contentType());
                List<String> lines = post.body().lines().toList();
                for (int i = 0; i < lines.size(); i += 2) {
                    JsonNode target = MAPPER.readTree(lines.get(i)).path("index");
                    JsonNode document = MAPPER.readTree(lines.get(i + 1));
                    assertEquals("logs-slack.audit-default", target.path("_index").asText());
                    assertEquals(document.path("event").path("id").asText(), target.path("_id").asText());
                    assertEquals(target.path("_id").asText(),
                            AuditLogEntry.parse(document.path("event").path("original").asText()).getId());
                }
            }
        }
    }

    @Test
    void aBatchElasticsearchPartlyRefusedIsSentAgainAndOverwritesWhatItIndexed() throws Exception {
        try (HttpCollector elasticsearch = HttpCollector.refusingFirst(1, 200, ELASTICSEARCH_QUEUE_FULL)) {
            context.addRoutes(new ElasticsearchBulkRoute(consumerUri(), elasticsearch.root(), "logs-slack.audit-default"));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed(elasticsearch).size() == simulator.eventCount());

            assertEquals(idsOldestFirst(), indexed(elasticsearch), "every event accepted once, oldest first");
            assertEquals(elasticsearch.refused().get(0), elasticsearch.accepted().get(0).body(),
                    "the batch answered with errors:true was sent again, the same documents under the same _id");
        }
    }

    /** The {@code _id}s of the documents of every accepted {@code _bulk} request, in the order they came. */
    private static List<String> indexed(HttpCollector elasticsearch) throws Exception {
        List<String> ids = new ArrayList<>();
        for (HttpCollector.Post post : elasticsearch.accepted()) {
            List<String> lines = post.body().lines().toList();
            for (int i = 0; i < lines.size(); i += 2) {
                ids.add(MAPPER.readTree(lines.get(i)).path("index").path("_id").asText());
            }
        }
        return ids;
    }

    private static List<String> posted(HttpCollector collector) {
        return collector.accepted().stream().flatMap(post -> idsOf(post.body()).stream()).toList();
    }

    private static List<Path> objects(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static long lineCount(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            return 0; // renamed meanwhile
        }
    }
}
