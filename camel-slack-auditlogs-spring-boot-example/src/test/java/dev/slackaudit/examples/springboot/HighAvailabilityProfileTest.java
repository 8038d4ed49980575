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
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.jdbc.JdbcStateRepository;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
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
 * The example with {@code spring.profiles.active=ha}, as shipped, against a real PostgreSQL server and a real ZooKeeper
 * server started here (loopback only): it becomes the leader, writes every event once, and keeps its checkpoint and
 * delivered ids in the database.
 */
@SpringBootTest
@ActiveProfiles("ha")
@DirtiesContext
class HighAvailabilityProfileTest {

    private static final String TOKEN = "xoxp-example-ha-0123456789-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static SlackAuditLogsSimulator slack;
    static EmbeddedPostgres postgres;
    static TestingServer zooKeeper;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        slack = ExampleEnvironment.organization(TOKEN);
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "localhost").start();
        zooKeeper = new TestingServer(new InstanceSpec(data.resolve("zookeeper").toFile(), -1, -1, -1, true, -1, 250, -1,
                Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"), true);
    }

    @AfterAll
    static void stopInfrastructure() throws IOException {
        slack.close();
        zooKeeper.close();
        postgres.close();
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry environment) {
        ExampleEnvironment.slack(environment, TOKEN, slack);
        environment.add("AUDIT_DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
        environment.add("AUDIT_DB_USER", () -> "postgres");
        environment.add("AUDIT_ZOOKEEPER", () -> zooKeeper.getConnectString());
        environment.add("HOSTNAME", () -> "example-replica-1");
        environment.add("audit.output-directory", () -> data.resolve("audit").toString());
    }

    @Autowired
    CamelContext camel;
    @Autowired
    JdbcStateRepository jdbcState;
    @Autowired
    JdbcMessageIdRepository jdbcDeliveredIds;

    @Test
    void theOnlyReplicaLeadsInZooKeeper() {
        CamelClusterService cluster = camel.hasService(CamelClusterService.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.isLeader("slack-audit"));
        assertThat(cluster.getId()).isEqualTo("example-replica-1");
    }

    @Test
    void writesEveryEventOnceAsOneJsonLine() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> jsonLines().size() >= slack.eventCount());

        List<String> ids = new ArrayList<>();
        for (String line : jsonLines()) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(slack.eventIds());
    }

    @Test
    void keepsTheCheckpointAndTheDeliveredIdsInPostgreSql() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String checkpoint = jdbcState.getState("org-audit-example");
            // the checkpoint is the value's first word ("2026-11-21T10:00:00Z readAt=...")
            return checkpoint != null && Instant.parse(checkpoint.split(" ")[0]).getEpochSecond() > slack.newestDateCreate();
        });
        assertThat(slack.eventIds()).allMatch(id -> jdbcDeliveredIds.contains("org-audit-example/" + id));
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
