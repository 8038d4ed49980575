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

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConsumer;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * Ends a bounded export: once every running {@code slack-auditlogs} consumer's checkpoint has passed {@code latest}
 * (the consumers then stop fetching) and the queue has given back every message put on it, it runs the completion
 * task, which stops the application.
 */
final class ExportCompletion extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ExportCompletion.class);
    private static final long CHECK_INTERVAL_MILLIS = 250;

    private final CamelContext camelContext;
    private final long latest;
    private final AuditStatistics statistics;
    private final Runnable onComplete;
    private ScheduledExecutorService checker;

    ExportCompletion(CamelContext camelContext, long latest, AuditStatistics statistics, Runnable onComplete) {
        this.camelContext = camelContext;
        this.latest = latest;
        this.statistics = statistics;
        this.onComplete = onComplete;
    }

    @Override
    protected void doStart() {
        checker = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "export-completion");
        checker.scheduleWithFixedDelay(this::check, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (checker != null) {
            camelContext.getExecutorServiceManager().shutdownNow(checker);
            checker = null;
        }
    }

    private void check() {
        // an exception would silently cancel the scheduled check, and the demo would never end: log it and go on
        try {
            List<SlackAuditLogsConsumer> consumers = runningConsumers();
            boolean exported = !consumers.isEmpty() && consumers.stream()
                    .allMatch(consumer -> Instant.parse(consumer.getCheckpoint()).getEpochSecond() > latest);
            if (exported && statistics.queueDrained() && queueListenersConnected()) {
                camelContext.getExecutorServiceManager().shutdown(checker);
                onComplete.run();
            }
        } catch (Exception e) {
            LOG.warn("Could not check whether the export is complete; checking again", e);
        }
    }

    /**
     * Whether every JMS listener has connected to its queue. A run with nothing left to export (the second one on the
     * same data directory) is complete at once, while the listener is still connecting; stopping it then makes Spring
     * log a WARN about an interrupted setup.
     */
    private boolean queueListenersConnected() throws Exception {
        for (Route route : camelContext.getRoutes()) {
            if (route.getConsumer() instanceof JmsConsumer jms
                && jms.getListenerContainer() instanceof DefaultMessageListenerContainer container
                && !container.isRegisteredWithDestination()) {
                return false;
            }
        }
        return true;
    }

    private List<SlackAuditLogsConsumer> runningConsumers() {
        return camelContext.getRoutes().stream()
                .filter(route -> camelContext.getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                .map(Route::getConsumer)
                .filter(SlackAuditLogsConsumer.class::isInstance)
                .map(SlackAuditLogsConsumer.class::cast)
                .toList();
    }
}
