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

import java.io.File;
import java.util.concurrent.CountDownLatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.zookeeper.ZooKeeperSessionGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.curator.framework.CuratorFramework;

/**
 * One node of the failover test's cluster, in a JVM of its own, as the README's recipe has it:
 * {@code master:slack-audit:slack-auditlogs:logs} with leader election by camel-zookeeper (and
 * {@link ZooKeeperSessionGuard}), the checkpoint in a {@link JdbcStateRepository} and the delivered ids in camel-sql's
 * {@link JdbcMessageIdRepository} (as {@link DeliveredIdsRepository}), both in one PostgreSQL database. Every event is
 * appended as a JSON line to {@code events-<node>.jsonl} and its id logged by the logger {@code delivered} (at DEBUG,
 * with the time the sink got it). It runs until it is killed.
 * <p>
 * Arguments: node zooKeeper sessionTimeoutMillis jdbcUrl baseUrl token oldest dataDir consumerOptions
 */
public final class FailoverNode {

    private FailoverNode() {
    }

    public static void main(String[] args) throws Exception {
        String node = args[0];
        String zooKeeper = args[1];
        long sessionTimeout = Long.parseLong(args[2]);
        String jdbcUrl = args[3];
        String baseUrl = args[4];
        String token = args[5];
        String oldest = args[6];
        File dataDir = new File(args[7]);
        String options = args[8];

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(2);
        // a node frozen inside camel-sql's transaction (SELECT then INSERT of an id) would hold the id's index entry and
        // block the new leader's insert of it until it resumes: PostgreSQL ends such a session well before ZooKeeper
        // ends the node's leadership
        pool.setConnectionInitSql("SET idle_in_transaction_session_timeout = " + Math.max(500, sessionTimeout / 3));
        try (HikariDataSource dataSource = new HikariDataSource(pool);
             CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName(node);
            ZooKeeperClusterService cluster = new ZooKeeperClusterService();
            cluster.setId(node);
            cluster.setNodes(zooKeeper);
            cluster.setBasePath("/camel/cluster");
            cluster.setSessionTimeout(sessionTimeout);
            cluster.setConnectTimeout(sessionTimeout / 3);
            CuratorFramework curator = ZooKeeperSessionGuard.clientFor(cluster);
            context.addService(cluster);
            context.addService(new ZooKeeperSessionGuard(curator));

            // the test created both tables, as a schema migration would; the repositories start with the context, so
            // a node that becomes leader starts polling without that cost
            JdbcStateRepository state = new JdbcStateRepository(dataSource);
            context.addService(state);
            context.getRegistry().bind("state", state);
            JdbcMessageIdRepository ids = new DeliveredIdsRepository(dataSource, "slack-audit");
            ids.setCreateTableIfNotExists(false);
            context.addService(ids);
            context.getRegistry().bind("ids", ids);

            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:slack-audit:slack-auditlogs:logs?token=RAW(" + token + ")&baseUrl=" + baseUrl
                         + "&oldest=" + oldest + "&stateRepository=#state&idempotentRepository=#ids&stateKey=org-audit&"
                         + options)
                            .routeId("audit")
                            .log(LoggingLevel.DEBUG, "delivered", "${header." + SlackAuditLogsConstants.ID + "}")
                            .to("file:" + dataDir + "?fileName=events-" + node + ".jsonl&fileExist=Append&appendChars=\\n");
                }
            });
            context.start();
            System.out.println("STARTED " + node);
            new CountDownLatch(1).await(); // until SIGKILL, or SIGTERM at the end of the test
        }
    }
}
