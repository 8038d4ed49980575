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

import javax.sql.DataSource;

import dev.slackaudit.camel.jdbc.DeliveredIdsRepository;
import dev.slackaudit.camel.jdbc.DeliveredIdsTable;
import dev.slackaudit.camel.jdbc.JdbcStateRepository;
import dev.slackaudit.camel.zookeeper.ZooKeeperSessionGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.curator.framework.CuratorFramework;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The {@code ha} profile: several replicas of this application, one polling at a time. The checkpoint
 * ({@link JdbcStateRepository}) and the delivered ids (camel-sql's {@code JdbcMessageIdRepository}, as
 * {@link DeliveredIdsRepository}) live in the
 * database of Spring Boot's DataSource, and the replicas elect their leader in ZooKeeper; {@code application-ha.yaml}
 * points the component at these beans and reads the route from {@code master:}. Plain beans: the registry this project
 * builds from serves no 4.18.0 starters for camel-zookeeper, camel-sql or camel-master.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ha")
@Import(DataSourceAutoConfiguration.class) // spring.datasource.*: the application excludes it for the other profiles
public class HighAvailabilityConfiguration {

    @Bean
    JdbcStateRepository jdbcState(DataSource dataSource, @Value("${audit.ha.create-tables}") boolean createTables) {
        JdbcStateRepository state = new JdbcStateRepository(dataSource);
        state.setCreateTable(createTables);
        return state;
    }

    /** camel-sql's repository, which also looks up the overlap's ids in one query per thousand. */
    @Bean
    DeliveredIdsRepository jdbcDeliveredIds(DataSource dataSource,
                                            @Value("${audit.ha.create-tables}") boolean createTables) {
        DeliveredIdsRepository ids = new DeliveredIdsRepository(dataSource, "slack-audit");
        ids.setCreateTableIfNotExists(createTables);
        ids.setCreateString(DeliveredIdsTable.CREATE_STATEMENT);
        return ids;
    }

    @Bean
    ZooKeeperClusterService zooKeeperClusterService(@Value("${audit.ha.zookeeper}") String nodes,
                                                    @Value("${audit.ha.node-id}") String nodeId,
                                                    @Value("${audit.ha.session-timeout-millis}") long sessionTimeout) {
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(nodeId);
        cluster.setNodes(nodes);
        cluster.setBasePath("/camel/cluster");
        cluster.setSessionTimeout(sessionTimeout);
        cluster.setConnectTimeout(sessionTimeout / 3);
        return cluster;
    }

    /** The cluster service's ZooKeeper client, closed after the CamelContext (Spring destroys dependents first). */
    @Bean(destroyMethod = "close")
    CuratorFramework zooKeeperClient(ZooKeeperClusterService cluster) {
        return ZooKeeperSessionGuard.clientFor(cluster);
    }

    /**
     * Adds the guard that stops a replica which lost its ZooKeeper session from polling on (see its javadoc:
     * CAMEL-24457) to the CamelContext; Camel finds the cluster service bean by itself.
     */
    @Bean
    CamelContextConfiguration zooKeeperSessionGuard(CuratorFramework zooKeeperClient) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    context.addService(new ZooKeeperSessionGuard(zooKeeperClient));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot add the ZooKeeperSessionGuard", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                // nothing: the master: route starts when this replica leads
            }
        };
    }
}
