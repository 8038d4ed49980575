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
package dev.slackaudit.camel.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.slackaudit.camel.BatchIdempotentRepository;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivered ids in the same PostgreSQL database as the checkpoint, through camel-sql's {@link JdbcMessageIdRepository}
 * (as {@link DeliveredIdsRepository}, which also looks up many at once) in the table of {@link DeliveredIdsTable}.
 */
class DeliveredIdsTest {

    private static final String TOKEN = "xoxp-delivered-ids";

    private final DataSource dataSource = SharedPostgres.pooledDataSource();
    private DeliveredIdsRepository ids;

    @BeforeEach
    void createTables() throws SQLException {
        execute("DROP TABLE IF EXISTS CAMEL_MESSAGEPROCESSED");
        execute("DROP TABLE IF EXISTS " + JdbcStateRepository.DEFAULT_TABLE);
        ids = new DeliveredIdsRepository(dataSource, "slack-audit");
        ids.setCreateString(DeliveredIdsTable.CREATE_STATEMENT);
        ids.start();
    }

    @AfterEach
    void stopRepository() {
        ids.stop();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void eventsDeliveredBeforeAFailedWindowAreNotDeliveredWhenItIsRetried() throws Exception {
        List<String> sink = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(12).events(600)
                .build().start();
             CamelContext context = new DefaultCamelContext()) {
            JdbcStateRepository state = new JdbcStateRepository(dataSource);
            state.setCreateTable(true);
            context.getRegistry().bind("state", state);
            context.getRegistry().bind("ids", ids);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                         + simulator.oldestDateCreate() + "&lag=PT0S&initialDelay=0&delay=100&maxRequestsPerMinute=0"
                         + "&stateRepository=#state&idempotentRepository=#ids&stateKey=org-audit")
                            .routeId("audit")
                            .process(exchange -> {
                                if (sink.size() == 250 && failedOnce.compareAndSet(false, true)) {
                                    throw new IllegalStateException("the SIEM is down for a moment");
                                }
                                sink.add(exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class));
                            });
                }
            });
            context.start();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();
            await().atMost(Duration.ofSeconds(60)).until(() -> Instant.parse(consumer.getCheckpoint())
                    .getEpochSecond() > simulator.newestDateCreate());

            assertTrue(failedOnce.get(), "one delivery failed and its window was retried");
            assertEquals(simulator.eventCount(), sink.size(), "no event delivered twice");
            assertEquals(new HashSet<>(simulator.eventIds()), new HashSet<>(sink), "every event delivered");
            assertTrue(state.getState("org-audit").startsWith(Instant.parse(consumer.getCheckpoint()) + " "),
                    "the checkpoint is in PostgreSQL: " + state.getState("org-audit"));
            assertTrue(ids.contains("org-audit/" + simulator.eventIds().get(0)), "the ids are in PostgreSQL");
        }
    }

    @Test
    void manyIdsAreLookedUpInOneQueryAsContainsWouldAnswerEach() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < BatchIdempotentRepository.MAX_KEYS; i++) {
            keys.add("org-audit/" + i);
            if (i % 3 == 0) {
                ids.add("org-audit/" + i);
            }
        }
        ids.add("other-key/1"); // another consumer's id, in the same table
        JdbcMessageIdRepository otherProcessor = new JdbcMessageIdRepository(dataSource, "another-route");
        otherProcessor.start();
        otherProcessor.add("org-audit/1"); // the same id under another processor name

        Set<String> held = ids.containedKeys(keys);

        assertEquals(keys.stream().filter(ids::contains).collect(Collectors.toSet()), held);
        assertEquals(334, held.size());
        assertEquals(Set.of(), ids.containedKeys(List.of()));
    }

    @Test
    void idsOfLongStateKeysFitTheDocumentedTable() {
        String key = "https://api.slack.com/audit/v1|action=" + "user_login,".repeat(40) + "/sha256:" + "0".repeat(64);

        assertTrue(ids.add(key));
        assertTrue(ids.contains(key));
        assertFalse(ids.add(key), "an id is stored once");
    }

    /**
     * camel-sql asks {@code SELECT COUNT(*) ... WHERE processorName = ? AND messageId = ?} per lookup: one statement
     * that PostgreSQL answers from the primary key's index, not a scan of the table. Prints the mean time per lookup
     * in a table of 50,000 ids (a measurement for the README, not an assertion).
     */
    @Test
    void aLookupReadsThePrimaryKeyIndexNotTheTable() throws SQLException {
        String insert = "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement rows = connection.prepareStatement(insert)) {
            for (int i = 0; i < 50_000; i++) {
                rows.setString(1, "slack-audit");
                rows.setString(2, "org-audit/" + i);
                rows.setTimestamp(3, Timestamp.from(Instant.now()));
                rows.addBatch();
            }
            rows.executeBatch();
        }
        execute("ANALYZE CAMEL_MESSAGEPROCESSED");
        String plan = plan("EXPLAIN " + ids.getQueryString().replaceFirst("\\?", "'slack-audit'")
                .replaceFirst("\\?", "'org-audit/4711'"));

        assertTrue(plan.contains("Index Only Scan using camel_messageprocessed_pkey"), plan);

        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 2_000; i++) {
            found += ids.contains("org-audit/" + (i * 25)) ? 1 : 0;
        }
        double meanMillis = (System.nanoTime() - start) / 2_000 / 1e6;
        assertEquals(2_000, found);
        System.out.printf("camel-sql contains() on PostgreSQL, 50,000 ids, pooled connections: %.2f ms mean%n",
                meanMillis);
    }

    private String plan(String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(explain)) {
            while (result.next()) {
                plan.append(result.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
