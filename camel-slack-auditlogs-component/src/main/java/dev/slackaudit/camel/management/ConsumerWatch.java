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
package dev.slackaudit.camel.management;

import java.time.Instant;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.SlackAuditLogsEndpoint;
import dev.slackaudit.camel.consumer.CheckpointStore;
import org.apache.camel.Consumer;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators see of one consumer (metrics, dev console): the consumer, the route it feeds, its checkpoint key, and
 * when a poll last succeeded.
 * <p>
 * It watches the consumer through Camel's hook around every poll, the consumer's {@link PollingConsumerPollStrategy}
 * (it wraps the one the endpoint configured, which still decides everything). A consumer announces neither its start
 * nor its stop, and the master component starts a fresh one on every failover, outside any route's lifecycle; its
 * first poll is where it is known to run, so the meters are bound there.
 */
public final class ConsumerWatch implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerWatch.class);

    private final SlackAuditLogsEndpoint endpoint;
    private final SlackAuditLogsConsumer consumer;
    private final PollingConsumerPollStrategy delegate;
    private volatile long lastSuccessfulPollMillis;
    private boolean polled;
    private AutoCloseable meters;

    public ConsumerWatch(SlackAuditLogsEndpoint endpoint, SlackAuditLogsConsumer consumer) {
        this.endpoint = endpoint;
        this.consumer = consumer;
        // the consumer creates its default strategy only when it starts with none set
        this.delegate = consumer.getPollStrategy() != null
                ? consumer.getPollStrategy() : new DefaultPollingConsumerPollStrategy();
    }

    public SlackAuditLogsConsumer consumer() {
        return consumer;
    }

    /** The checkpoint key: which position in which state repository this consumer moves (never the token). */
    String checkpointKey() {
        return CheckpointStore.keyFor(endpoint.getConfiguration());
    }

    /**
     * The id of the route this consumer feeds. A consumer the master component created on a failover was not given
     * one: it is the route whose endpoint delegates to this consumer's endpoint.
     */
    String routeId() {
        if (consumer.getRouteId() != null) {
            return consumer.getRouteId();
        }
        for (Route route : endpoint.getCamelContext().getRoutes()) {
            Endpoint from = route.getEndpoint();
            while (from instanceof DelegateEndpoint delegating && from != endpoint) {
                from = delegating.getEndpoint();
            }
            if (from == endpoint) {
                return route.getRouteId();
            }
        }
        return null;
    }

    /** When a poll last ended without an error, or null before the first one did. */
    Instant lastSuccessfulPoll() {
        long millis = lastSuccessfulPollMillis;
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    /** Whether the consumer has polled and is not shut down: a stopped route's consumer still shows where it stopped. */
    synchronized boolean isLive() {
        return polled && !consumer.isShutdown();
    }

    @Override
    public boolean begin(Consumer polling, Endpoint polled) {
        bindOnFirstPoll();
        return delegate.begin(polling, polled);
    }

    @Override
    public void commit(Consumer polling, Endpoint polled, int polledMessages) {
        lastSuccessfulPollMillis = System.currentTimeMillis();
        delegate.commit(polling, polled, polledMessages);
    }

    @Override
    public boolean rollback(Consumer polling, Endpoint polled, int retryCounter, Exception cause) throws Exception {
        return delegate.rollback(polling, polled, retryCounter, cause);
    }

    private synchronized void bindOnFirstPoll() {
        if (!polled) {
            polled = true;
            meters = ConsumerMetrics.bind(this);
        }
    }

    /** Removes this consumer's meters: it stopped for good, or its endpoint did (a failover moved it elsewhere). */
    public synchronized void close() {
        if (meters != null) {
            try {
                meters.close();
            } catch (Exception e) {
                LOG.debug("Could not remove the meters of the consumer of route {}", routeId(), e);
            }
            meters = null;
        }
        polled = false; // should this consumer poll again, it binds its meters again
    }
}
