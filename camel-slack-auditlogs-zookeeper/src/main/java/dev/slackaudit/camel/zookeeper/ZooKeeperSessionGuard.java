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

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Route;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorHelper;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the {@code master:} routes of a CamelContext when its ZooKeeper connection is suspended or its session is
 * lost, so that a node that lost its leadership stops polling.
 * <p>
 * Why: in Camel 4.18.0, camel-zookeeper's cluster view announces the end of a leadership while Curator still reports
 * it, so {@code master:} consumers never hear that they lost it (CAMEL-24457, fixed in later 4.18.x releases that the
 * registry this project builds from does not serve). A leader frozen past its session timeout (a long GC pause, a
 * suspended VM) then polls on beside the new leader after it resumes: the failover test saw it poll for a minute and
 * deliver 15,000 events twice. Curator itself treats a suspended connection as lost leadership, so restarting the
 * routes then is what a correct view would cause; the restarted route rejoins the election. Remove this guard once the
 * build moves to a Camel release with the fix.
 */
public class ZooKeeperSessionGuard extends ServiceSupport implements CamelContextAware, ConnectionStateListener {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperSessionGuard.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private CamelContext camelContext;
    private CuratorFramework curator;
    private ExecutorService restarts;

    public ZooKeeperSessionGuard() {
    }

    public ZooKeeperSessionGuard(CuratorFramework curator) {
        this.curator = curator;
    }

    /**
     * A started Curator client for {@code clusterService}, made from its nodes, namespace, base path and timeouts, and given to
     * it: the client camel-zookeeper would create itself, except that it does not expose that one, and this guard must
     * watch it. Configure the service first; close the client after the CamelContext stopped.
     */
    public static CuratorFramework clientFor(ZooKeeperClusterService clusterService) {
        ZooKeeperCuratorConfiguration configuration = new ZooKeeperCuratorConfiguration();
        configuration.setNodes(clusterService.getNodes());
        configuration.setNamespace(clusterService.getNamespace());
        configuration.setBasePath(clusterService.getBasePath());
        if (clusterService.getSessionTimeout() > 0) {
            configuration.setSessionTimeout(clusterService.getSessionTimeout(), TimeUnit.MILLISECONDS);
        }
        if (clusterService.getConnectTimeout() > 0) {
            configuration.setConnectionTimeout(clusterService.getConnectTimeout(), TimeUnit.MILLISECONDS);
        }
        if (clusterService.getRetryPolicy() != null) {
            configuration.setRetryPolicy(clusterService.getRetryPolicy());
        }
        CuratorFramework client = ZooKeeperCuratorHelper.createCurator(configuration);
        client.start();
        // through the configuration: the service's own setCuratorFramework needs it, and it exists only after init
        configuration.setCuratorFramework(client);
        clusterService.setConfiguration(configuration);
        return client;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public CuratorFramework getCurator() {
        return curator;
    }

    /** The client of the ZooKeeperClusterService (see {@link #clientFor}). */
    public void setCurator(CuratorFramework curator) {
        this.curator = curator;
    }

    @Override
    protected void doStart() {
        if (camelContext == null || curator == null) {
            throw new IllegalStateException("ZooKeeperSessionGuard needs a CamelContext and the Curator client of the"
                                            + " ZooKeeperClusterService (ZooKeeperSessionGuard.clientFor)");
        }
        // one thread, so restarts for a burst of state changes run one after the other
        restarts = camelContext.getExecutorServiceManager().newSingleThreadExecutor(this, "ZooKeeperSessionGuard");
        curator.getConnectionStateListenable().addListener(this);
    }

    @Override
    protected void doStop() {
        curator.getConnectionStateListenable().removeListener(this);
        if (restarts != null) {
            camelContext.getExecutorServiceManager().shutdownNow(restarts);
        }
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState newState) {
        if (newState == ConnectionState.SUSPENDED || newState == ConnectionState.LOST) {
            restarts.submit(() -> restartMasterRoutes(newState));
        }
    }

    private void restartMasterRoutes(ConnectionState cause) {
        for (Route route : camelContext.getRoutes()) {
            if (!route.getEndpoint().getEndpointUri().startsWith("master:")) {
                continue;
            }
            LOG.warn("ZooKeeper connection {}: restarting route {} so that it stops unless it leads again", cause,
                    route.getRouteId());
            try {
                camelContext.getRouteController().stopRoute(route.getRouteId(), STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                camelContext.getRouteController().startRoute(route.getRouteId());
            } catch (Exception e) {
                LOG.error("Could not restart route {} after the ZooKeeper connection was {}", route.getRouteId(), cause, e);
            }
        }
    }
}
