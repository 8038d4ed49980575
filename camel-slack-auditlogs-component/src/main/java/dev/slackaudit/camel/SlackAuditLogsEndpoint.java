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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.net.ssl.SSLContext;

import dev.slackaudit.camel.client.ClientConfiguration;
import dev.slackaudit.camel.client.SlackAuditLogsClient;
import dev.slackaudit.camel.consumer.DeliveredIds;
import dev.slackaudit.camel.management.ConsumerWatch;
import dev.slackaudit.camel.management.FailedPollLog;
import dev.slackaudit.camel.options.DurationOption;
import dev.slackaudit.camel.options.PointInTime;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream Slack Enterprise audit events (logins, file downloads, app installs, anomalies...) with the Slack Audit Logs
 * API, one exchange per event, or query its logs, actions and schemas.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "slack-auditlogs", title = "Slack Audit Logs",
             syntax = "slack-auditlogs:method", category = { Category.MONITORING, Category.SECURITY },
             headersClass = SlackAuditLogsConstants.class)
public class SlackAuditLogsEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsEndpoint.class);
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
    private final Set<ConsumerWatch> consumerWatches = new CopyOnWriteArraySet<>();

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
        ConsumerWatch watch = new ConsumerWatch(this, consumer);
        consumer.setPollStrategy(watch);
        consumerWatches.add(watch);
        pruneConsumerWatches();
        return consumer;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new SlackAuditLogsProducer(this);
    }

    /** The HTTP client shared by this endpoint's consumer and producers; created on first use. */
    public synchronized SlackAuditLogsClient getClient() {
        if (client == null) {
            client = new SlackAuditLogsClient(createClientConfiguration());
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
        pruneConsumerWatches();
        return List.copyOf(consumerWatches);
    }

    /**
     * Forgets the consumers that are shut down, and stopped ones a newer consumer replaced: a route restart gives the
     * route a new consumer and leaves the old one stopped, not shut down.
     */
    private void pruneConsumerWatches() {
        List<ConsumerWatch> watches = List.copyOf(consumerWatches);
        for (int i = 0; i < watches.size(); i++) {
            SlackAuditLogsConsumer consumer = watches.get(i).consumer();
            if (consumer.isShutdown() || consumer.isStoppingOrStopped() && i < watches.size() - 1) {
                consumerWatches.remove(watches.get(i));
                watches.get(i).close();
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // the master component stops the endpoint with its consumer when leadership moves: the meters go with it
        consumerWatches.forEach(ConsumerWatch::close);
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
        baseUri();
        if (method == SlackAuditLogsMethod.logs && isBlank(configuration.getToken())) {
            throw new IllegalArgumentException("The token option is required for slack-auditlogs:logs: set it on the"
                                               + " endpoint (token=RAW(xoxp-...)) or on the component"
                                               + " (camel.component.slack-auditlogs.token); it is the user token of an"
                                               + " Enterprise organization owner with the auditlogs:read scope");
        }
        if (!isBlank(configuration.getToken()) && !configuration.getToken().startsWith("xoxp-")) {
            LOG.warn("The Slack token does not start with xoxp-: the Audit Logs API accepts only the user token of an"
                     + " Enterprise organization owner");
        }
        configuration.checkValues();
        super.setDelay(DurationOption.DELAY.parse(delay).toMillis());
        if ((configuration.getProxyHost() == null) != (configuration.getProxyPort() == null)) {
            throw new IllegalArgumentException("proxyHost and proxyPort go together: set both, or neither");
        }
        String stateKey = configuration.getStateKey();
        if (stateKey != null && (stateKey.isBlank() || stateKey.contains("=") || stateKey.contains("\n")
                                 || stateKey.contains("\r"))) {
            throw new IllegalArgumentException("Invalid stateKey '" + stateKey + "': a non-blank key without '=' or line"
                                               + " breaks (a FileStateRepository stores key=value lines)");
        }
        Instant now = Instant.now();
        Long oldest = PointInTime.resolve("oldest", configuration.getOldest(), now);
        Long latest = PointInTime.resolve("latest", configuration.getLatest(), now);
        if (oldest != null && latest != null && oldest > latest) {
            throw new IllegalArgumentException("oldest (" + configuration.getOldest() + " = "
                                               + Instant.ofEpochSecond(oldest) + ") is after latest ("
                                               + configuration.getLatest() + " = " + Instant.ofEpochSecond(latest)
                                               + "): oldest must not be later than latest");
        }
    }

    /** The baseUrl, checked: absolute http(s), and plain http only to loopback unless allowInsecureHttp. */
    URI baseUri() {
        String value = configuration.getBaseUrl();
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.trim());
        } catch (URISyntaxException e) {
            throw invalidBaseUrl(value, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw invalidBaseUrl(value, "it must be an absolute http(s) URL");
        }
        if (scheme.equals("http") && !configuration.isAllowInsecureHttp() && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Invalid baseUrl '" + value + "': plain http would send the Slack token"
                                               + " unencrypted to " + uri.getHost() + "; use https, or set"
                                               + " allowInsecureHttp=true if the network is trusted");
        }
        return uri;
    }

    private static IllegalArgumentException invalidBaseUrl(String value, String why) {
        return new IllegalArgumentException("Invalid baseUrl '" + value + "': " + why + ", e.g. "
                                            + SlackAuditLogsConfiguration.DEFAULT_BASE_URL);
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // only literal addresses: never resolve a name here (no DNS lookups while validating options)
            return (host.matches("[0-9.]+") || host.startsWith("[")) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    ClientConfiguration createClientConfiguration() {
        SSLContext sslContext = null;
        if (configuration.getSslContextParameters() != null) {
            try {
                sslContext = configuration.getSslContextParameters().createSSLContext(getCamelContext());
            } catch (Exception e) {
                throw new IllegalArgumentException("Invalid sslContextParameters: " + e.getMessage(), e);
            }
        }
        return new ClientConfiguration(baseUri(), configuration.getToken(), configuration.getConnectTimeout(),
                configuration.getSocketTimeout(), configuration.getProxyHost(),
                configuration.getProxyPort() == null ? -1 : configuration.getProxyPort(), sslContext,
                configuration.getMaxRequestsPerMinute(), configuration.getMaxRetries(), configuration.getRetryDelay());
    }

    /** The action filter as a list of names ({@code action} option, comma-separated). */
    List<String> actionNames() {
        return parseActions(configuration.getAction());
    }

    static List<String> parseActions(String value) {
        if (isBlank(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * The checkpoint's key: the {@code stateKey} option, or one derived from the API host and path and the filters, so
     * endpoints with different filters never share a checkpoint by accident, while a restart finds its own.
     */
    public String checkpointKey() {
        if (!isBlank(configuration.getStateKey())) {
            return configuration.getStateKey();
        }
        URI base = baseUri();
        Map<String, String> filters = new TreeMap<>();
        if (!isBlank(configuration.getLatest())) {
            // a bounded export keeps its own position, apart from a live consumer with the same filters
            filters.put("latest", configuration.getLatest());
        }
        if (!actionNames().isEmpty()) {
            filters.put("action", String.join(",", actionNames().stream().sorted().toList()));
        }
        if (!isBlank(configuration.getActor())) {
            filters.put("actor", configuration.getActor());
        }
        if (!isBlank(configuration.getEntity())) {
            filters.put("entity", configuration.getEntity());
        }
        // FileStateRepository keys may not contain '=' or a line break
        // the host and path, not the port: a simulator or a local proxy on a new port is still the same API
        StringBuilder key = new StringBuilder("slack-auditlogs/").append(base.getHost());
        key.append(base.getPath().replaceAll("/+$", ""));
        filters.forEach((name, value) -> key.append('/').append(name).append(':')
                .append(value.replaceAll("[=\\r\\n]", "_")));
        return key.toString();
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
