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

import java.io.File;
import java.util.concurrent.CountDownLatch;

import dev.slackaudit.camel.jdbc.DeliveredIdsTable;
import dev.slackaudit.camel.kafka.testing.KeyedRecords;
import dev.slackaudit.camel.zookeeper.ZooKeeperSessionGuard;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.curator.framework.CuratorFramework;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One consumer process of the crash and failover tests, streaming the simulator's events into Kafka until it is
 * killed: {@code exactly-once} through {@link ExactlyOnceKafka}, or {@code plain} through camel-kafka with the best
 * at-least-once set-up there is without transactions: the position in a file, the delivered ids in a database (H2
 * through camel-sql; Camel's FileIdempotentRepository scans its whole file for each new id, too slow for a backfill).
 * With a ZooKeeper address the route is a {@code master:} route, one leader at a time.
 */
public final class KafkaNode {

    /** Short client timeouts, so that a frozen broker or a fenced producer shows within seconds. */
    static final String[][] CLIENT_TIMEOUTS = { { "max.block.ms", "10000" }, { "request.timeout.ms", "4000" },
            { "delivery.timeout.ms", "8000" }, { "transaction.timeout.ms", "20000" } };

    private KafkaNode() {
    }

    /**
     * The consumer options of a backfill of every event {@code simulator} serves, fast: no lag, no pacing, quick retries
     * of the faults it injects, windows of at most 2,000 events (so many commits), batches of {@code batchSize}.
     */
    static String backfill(SlackAuditLogsSimulator simulator, String token, int batchSize) {
        return "token=RAW(" + token + ")&baseUrl=" + simulator.baseUrl() + "&oldest=" + simulator.oldestDateCreate()
               + "&latest=" + (simulator.newestDateCreate() + 1) + "&lag=PT0S&initialDelay=0&delay=100"
               + "&maxRequestsPerMinute=0&retryDelay=PT0.05S&maxRetries=10&limit=1000&maxEventsPerWindow=2000&batchSize="
               + batchSize;
    }

    public static void main(String[] args) throws Exception {
        String node = args[0];
        String mode = args[1];
        String brokers = args[2];
        String topic = args[3];
        String slack = args[4]; // the consumer's URI options: token, baseUrl, oldest, latest, ...
        File stateDir = new File(args[5]);
        String zooKeeper = args.length > 6 ? args[6] : null;
        // a pause after each batch sent, so that the test can freeze a leader with its transaction open
        long pauseAfterBatch = args.length > 7 ? Long.parseLong(args[7]) : 0;

        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName(node);
            String from = "slack-auditlogs:logs?" + slack;
            if (zooKeeper != null) {
                ZooKeeperClusterService cluster = new ZooKeeperClusterService();
                cluster.setId(node);
                cluster.setNodes(zooKeeper);
                cluster.setBasePath("/camel/cluster");
                cluster.setSessionTimeout(3000);
                cluster.setConnectTimeout(1000);
                CuratorFramework curator = ZooKeeperSessionGuard.clientFor(cluster);
                context.addService(cluster);
                context.addService(new ZooKeeperSessionGuard(curator));
                from = "master:slack-audit:" + from;
            }
            if ("exactly-once".equals(mode)) {
                ExactlyOnceKafka kafka = new ExactlyOnceKafka(brokers, topic, "slack-audit-" + topic);
                for (String[] property : CLIENT_TIMEOUTS) {
                    kafka.clientProperty(property[0], property[1]);
                }
                context.getRegistry().bind("kafka", kafka);
                String route = from + "&stateRepository=#kafka&idempotentRepository=#kafka";
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(route).routeId("audit").process(kafka).delay(pauseAfterBatch);
                    }
                });
            } else {
                stateDir.mkdirs();
                context.getRegistry().bind("state", FileStateRepository.fileStateRepository(new File(stateDir, "state")));
                JdbcDataSource database = new JdbcDataSource();
                database.setURL("jdbc:h2:file:" + new File(stateDir, "ids").getAbsolutePath() + ";FILE_LOCK=NO;DB_CLOSE_DELAY=-1");
                JdbcMessageIdRepository ids = new JdbcMessageIdRepository(database, "slack-audit");
                ids.setCreateString(DeliveredIdsTable.CREATE_STATEMENT);
                context.getRegistry().bind("ids", ids);
                String route = from + "&stateRepository=#state&idempotentRepository=#ids";
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(route).routeId("audit")
                                .process(new KeyedRecords())
                                .to("kafka:" + topic + "?brokers=" + brokers);
                    }
                });
            }
            context.start();
            System.out.println("STARTED " + node);
            new CountDownLatch(1).await(); // until SIGKILL, or SIGTERM at the end of the test
        }
    }
}
