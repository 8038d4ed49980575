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
package dev.slackaudit.camel;

import java.util.List;

import dev.slackaudit.camel.client.SlackAuditLogsClient;
import dev.slackaudit.camel.consumer.DeliveredIds;
import dev.slackaudit.camel.management.ConsumerWatch;
import dev.slackaudit.camel.management.ConsumerWatches;
import dev.slackaudit.camel.management.FailedPollLog;
import dev.slackaudit.camel.options.ConfigurationCheck;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;

/**
 * Stream Slack Enterprise audit events (logins, file downloads, app installs, anomalies...) with the Slack Audit Logs
 * API, one exchange per event, or query its logs, actions and schemas.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "slack-auditlogs", title = "Slack Audit Logs",
             syntax = "slack-auditlogs:method", category = { Category.MONITORING, Category.SECURITY },
             headersClass = SlackAuditLogsConstants.class)
public class SlackAuditLogsEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    static final long DEFAULT_DELAY = 20_000;

    @UriPath(enums = "logs,actions,schemas", description = "The API method: logs (consumer and producer), actions or"
                                                           + " schemas (producer)")
    @Metadata(required = true)
    private SlackAuditLogsMethod method;
    @UriParam
    private SlackAuditLogsConfiguration configuration;
    // Slack's quota is about 50 calls a minute for the whole organization: 3 polls a minute, not 120; with lag 5 s
    // an event reaches the route about 10 s after Slack shows it (README "Latency and late events")
    // text, not a Duration or a long: Camel's converter would turn delay=abc into 0, a poll without pause
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY,
              description = "The time between polls (a poll that is behind reads window after window until it has"
                            + " caught up): an ISO-8601 duration (PT20S), a number with a unit (20s, 1m) or a plain"
                            + " number of milliseconds (20000), longer than zero.")
    private String delay = Long.toString(DEFAULT_DELAY);

    private SlackAuditLogsClient client;
    private StateRepository<String, String> defaultStateRepository;
    private final DeliveredIds.EndpointDefault defaultDeliveredIds = new DeliveredIds.EndpointDefault();
    /** This endpoint's consumers, for metrics and the dev console: one, or a new one after a failover or restart. */
    private final ConsumerWatches consumerWatches = new ConsumerWatches();

    public SlackAuditLogsEndpoint(String uri, SlackAuditLogsComponent component, SlackAuditLogsMethod method,
                                  SlackAuditLogsConfiguration configuration) {
        super(uri, component);
        this.method = method;
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (method != SlackAuditLogsMethod.logs) {
            throw new IllegalArgumentException("slack-auditlogs:" + method + " can only be used as a producer (to);"
                                               + " use slack-auditlogs:logs to consume audit events");
        }
        SlackAuditLogsConsumer consumer = new SlackAuditLogsConsumer(this, processor);
        configureConsumer(consumer);
        if (getExceptionHandler() == null && !isBridgeErrorHandler()) {
            // one WARN line per failed poll instead of Camel's stack trace on every poll
            consumer.setExceptionHandler(new FailedPollLog(getEndpointBaseUri(), getDelay()));
        }
        consumerWatches.watch(this, consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new SlackAuditLogsProducer(this);
    }

    /** The HTTP client shared by this endpoint's consumer and producers; created on first use. */
    public synchronized SlackAuditLogsClient getClient() {
        if (client == null) {
            client = new SlackAuditLogsClient(configuration.toClientConfiguration(getCamelContext()));
        }
        return client;
    }

    /**
     * The checkpoint store when the user sets none: in memory, owned by the endpoint, so a route restart (which gives
     * the route a new consumer) resumes where it was.
     */
    synchronized StateRepository<String, String> defaultStateRepository() {
        if (defaultStateRepository == null) {
            defaultStateRepository = new MemoryStateRepository();
            ServiceHelper.startService(defaultStateRepository);
        }
        return defaultStateRepository;
    }

    /** The ids delivered when the user sets no idempotent repository, owned like the above. */
    DeliveredIds.EndpointDefault defaultDeliveredIds() {
        return defaultDeliveredIds;
    }

    /** The consumers of this endpoint that are not shut down (a stopped route's consumer still shows where it stopped). */
    public List<ConsumerWatch> consumerWatches() {
        return consumerWatches.current();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // the master component stops the endpoint with its consumer when leadership moves: the meters go with it
        consumerWatches.closeAll();
        synchronized (this) {
            IOHelper.close(client);
            client = null;
        }
    }

    @Override
    protected void doShutdown() throws Exception {
        super.doShutdown();
        ServiceHelper.stopService(defaultStateRepository);
        defaultDeliveredIds.stop();
    }

    /** Checks every option, failing with a message that names the option and what it accepts. */
    void validate() {
        super.setDelay(ConfigurationCheck.checkEndpoint(configuration, method, delay).toMillis());
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    public SlackAuditLogsMethod getMethod() {
        return method;
    }

    /** The API method: logs (consumer and producer), actions or schemas (producer). */
    public void setMethod(SlackAuditLogsMethod method) {
        this.method = method;
    }

    public SlackAuditLogsConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(SlackAuditLogsConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Milliseconds between polls. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = Long.toString(delay);
    }

    /** The time between polls as typed (PT1M, 60s, 60000 milliseconds); checked when the endpoint is created. */
    public void setDelay(String delay) {
        this.delay = delay;
    }
}
