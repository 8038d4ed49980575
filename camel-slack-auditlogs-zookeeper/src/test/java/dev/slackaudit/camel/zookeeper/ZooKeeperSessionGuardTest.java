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
package dev.slackaudit.camel.zookeeper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard on one node against a real ZooKeeper server (Curator's {@code TestingServer}): a {@code master:} route
 * elected through camel-zookeeper beside a plain route, and the node's ZooKeeper session expired by the ZooKeeper
 * client's own test hook, as it expires for a node frozen past its session timeout. The failover test of the JDBC
 * module shows the same guard stopping a frozen leader among three nodes.
 */
class ZooKeeperSessionGuardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AtomicInteger leaderTicks = new AtomicInteger();
    /** {@code stopped leader}, {@code started leader}... in the order Camel announced them. */
    private final List<String> routeEvents = new CopyOnWriteArrayList<>();
    private TestingServer zooKeeper;
    private CuratorFramework curator;
    private CamelContext context;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = new TestingServer(true);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (context != null) {
            context.close();
        }
        if (curator != null) {
            curator.close();
        }
        zooKeeper.close();
    }

    @Test
    void clientForGivesTheClusterServiceAStartedClientOfItsOwnNodesAndNamespace() {
        ZooKeeperClusterService cluster = clusterService();
        cluster.setNamespace("audit");

        curator = ZooKeeperSessionGuard.clientFor(cluster);

        assertEquals(CuratorFrameworkState.STARTED, curator.getState());
        assertEquals(zooKeeper.getConnectString(), curator.getZookeeperClient().getCurrentConnectionString());
        assertEquals("audit", curator.getNamespace());
        assertSame(curator, cluster.getConfiguration().getCuratorFramework());
    }

    @Test
    void anExpiredSessionRestartsTheMasterRouteWhichLeadsAgain() throws Exception {
        startLeadingNode();

        expireSession();

        await().atMost(PATIENCE).until(() -> routeEvents.equals(List.of("stopped leader", "started leader")));
        int ticksAfterRestart = leaderTicks.get();
        await().atMost(PATIENCE).until(() -> leaderTicks.get() > ticksAfterRestart);
    }

    @Test
    void anExpiredSessionLeavesRoutesThatAreNotMasterRoutesRunning() throws Exception {
        startLeadingNode();

        expireSession();

        await().atMost(PATIENCE).until(() -> routeEvents.contains("started leader"));
        assertEquals(List.of("stopped leader", "started leader"), routeEvents);
        assertTrue(context.getRouteController().getRouteStatus("local").isStarted());
    }

    @Test
    void startingWithoutTheClusterServicesClientIsRefusedWithHowToGetIt() {
        ZooKeeperSessionGuard guard = new ZooKeeperSessionGuard();
        guard.setCamelContext(new DefaultCamelContext());

        IllegalStateException refused = assertThrows(IllegalStateException.class, guard::start);

        assertTrue(refused.getMessage().contains("ZooKeeperSessionGuard.clientFor"), refused.getMessage());
    }

    private ZooKeeperClusterService clusterService() {
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId("node-1");
        cluster.setNodes(zooKeeper.getConnectString());
        cluster.setBasePath("/camel/cluster");
        return cluster;
    }

    /**
     * A node as the README's recipe has it, with a master: route that counts its ticks while it leads; the route events
     * recorded are those after it first led.
     */
    private void startLeadingNode() throws Exception {
        context = new DefaultCamelContext();
        ZooKeeperClusterService cluster = clusterService();
        curator = ZooKeeperSessionGuard.clientFor(cluster);
        context.addService(cluster);
        context.addService(new ZooKeeperSessionGuard(curator));
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.RouteStoppedEvent stopped) {
                    routeEvents.add("stopped " + stopped.getRoute().getRouteId());
                } else if (event instanceof CamelEvent.RouteStartedEvent started) {
                    routeEvents.add("started " + started.getRoute().getRouteId());
                }
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:guarded:timer:leader?period=50").routeId("leader")
                        .process(exchange -> leaderTicks.incrementAndGet());
                from("timer:local?period=50").routeId("local")
                        .log(LoggingLevel.DEBUG, "local tick");
            }
        });
        context.start();
        await().atMost(PATIENCE).until(() -> leaderTicks.get() > 0);
        routeEvents.clear();
    }

    /** What ZooKeeper does to the session of a node frozen past its session timeout. */
    private void expireSession() throws Exception {
        curator.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    }
}
