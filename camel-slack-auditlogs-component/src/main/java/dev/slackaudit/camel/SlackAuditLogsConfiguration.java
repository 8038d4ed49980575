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

import java.time.Duration;
import javax.net.ssl.SSLContext;

import dev.slackaudit.camel.client.BaseUrl;
import dev.slackaudit.camel.client.ClientConfiguration;
import dev.slackaudit.camel.options.DurationOption;
import dev.slackaudit.camel.options.NumberOption;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code slack-auditlogs} endpoint. The component holds one as its defaults and gives each endpoint a
 * {@link #copy()}, so {@code camel.component.slack-auditlogs.token} and friends apply to every route unless a URI
 * overrides them.
 * <p>
 * It is long because it is the list of the options: each one is a documented {@code @UriParam} field with its getter and
 * setter (and, for a number or a duration kept as text, a typed setter), which Camel's tooling reads to generate the
 * configurer, the catalog and the Spring Boot starter's properties. What the options mean in use lives elsewhere: they
 * are checked in {@link dev.slackaudit.camel.options.ConfigurationCheck} and read as numbers and durations by
 * {@link NumberOption} and {@link DurationOption}.
 */
@UriParams
public class SlackAuditLogsConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true)
    private String token;
    @UriParam(label = "common", defaultValue = BaseUrl.SLACK)
    private String baseUrl = BaseUrl.SLACK;
    @UriParam(label = "security,advanced", defaultValue = "false")
    private boolean allowInsecureHttp;

    @UriParam(label = "filter")
    private String action;
    @UriParam(label = "filter")
    private String actor;
    @UriParam(label = "filter")
    private String entity;
    @UriParam(label = "filter", defaultValue = "P1D")
    private String oldest = "P1D";
    @UriParam(label = "filter")
    private String latest;
    @UriParam(label = "common", defaultValue = "9999")
    // text, not int: Camel's converter would turn limit=abc into 0 (see NumberOption)
    private String limit = "9999";

    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "consumer", defaultValue = "PT5S")
    private String lag = "PT5S";
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "consumer", defaultValue = "PT6M")
    private String overlap = "PT6M";
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "consumer,advanced")
    private String windowSize;
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "consumer", defaultValue = "PT24H")
    private String recheck = "PT24H";
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "consumer", defaultValue = "PT1H")
    private String recheckInterval = "PT1H";
    @UriParam(label = "consumer,advanced", defaultValue = "500000")
    // text, not int: Camel's converter would turn maxEventsPerWindow=abc into 0 (see NumberOption)
    private String maxEventsPerWindow = "500000";
    @UriParam(label = "consumer,advanced")
    private String spoolDirectory;
    @UriParam(label = "consumer", defaultValue = "0")
    // text, not int: Camel's converter would turn batchSize=abc into 0 (see NumberOption)
    private String batchSize = "0";
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateKey;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "producer", defaultValue = "1000")
    // text, not int: Camel's converter would turn maxResults=abc into 0 (see NumberOption)
    private String maxResults = "1000";

    @UriParam(label = "common", defaultValue = "20")
    // text, not int: Camel's converter would turn maxRequestsPerMinute=abc into 0 (see NumberOption)
    private String maxRequestsPerMinute = "20";
    @UriParam(label = "advanced", defaultValue = "5")
    // text, not int: Camel's converter would turn maxRetries=abc into 0 (see NumberOption)
    private String maxRetries = "5";
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "advanced", defaultValue = "PT1S")
    private String retryDelay = "PT1S";
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "advanced", defaultValue = "PT10S")
    private String connectTimeout = "PT10S";
    // text, not Duration: Camel's converter would turn a typo into zero (see DurationOption)
    @UriParam(label = "advanced", defaultValue = "PT60S")
    private String socketTimeout = "PT60S";
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private String proxyPort;
    @UriParam(label = "security")
    @Metadata(autowired = false)
    private SSLContextParameters sslContextParameters;

    public String getToken() {
        return token;
    }

    /**
     * The Slack user token (xoxp-...) of an Enterprise organization owner, with the auditlogs:read
     * scope, from an app installed on the organization. Required for logs. Set it on the component so routes
     * need not repeat it, and pass it as RAW(...) or a property placeholder.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The root of the Audit Logs API. Override it for GovSlack, a proxy or the simulator. A plain http:// URL is
     * refused unless its host is loopback or allowInsecureHttp is set, so the token never crosses a network in
     * clear.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** Allow a plain http:// baseUrl to a host that is not loopback (the token then travels unencrypted). */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getAction() {
        return action;
    }

    /**
     * Comma-separated action names to read, e.g. user_login,file_downloaded (all actions when empty). Slack
     * takes at most 30 per request; longer lists are read as several queries and merged. The consumer checks the
     * names against GET /actions when it starts.
     */
    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    /** Only events of this actor (a user id such as W123AB456). */
    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEntity() {
        return entity;
    }

    /** Only events on this entity (a channel, file, app, workspace, user... id). */
    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getOldest() {
        return oldest;
    }

    /**
     * Where reading starts: Unix seconds, an ISO-8601 instant (2026-11-01T00:00:00Z), a UTC date, or an ISO-8601
     * duration meaning that long before now (P7D). A consumer uses it only when its state repository holds no
     * checkpoint; a producer uses it as the default lower bound of a query.
     */
    public void setOldest(String oldest) {
        this.oldest = oldest;
    }

    public String getLatest() {
        return latest;
    }

    /**
     * Where reading ends (inclusive), in the same forms as oldest. A consumer whose checkpoint passes it stops
     * fetching: a bounded export.
     */
    public void setLatest(String latest) {
        this.latest = latest;
    }

    public int getLimit() {
        return NumberOption.LIMIT.parse(limit);
    }

    /**
     * Page size sent to Slack (1 to 9999). Requests are the scarce resource under the org-wide quota of about 50 calls
     * a minute, so the largest page is the default.
     */
    public void setLimit(String limit) {
        this.limit = limit;
    }

    /** Sets limit as a number (the programmatic form of {@link #setLimit(String)}). */
    public void setLimit(int limit) {
        this.limit = Integer.toString(limit);
    }

    /** The lag option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getLag() {
        return DurationOption.LAG.parse(lag);
    }

    /**
     * Never ask for events newer than now minus this, on Slack's clock (learned from its answers' Date header). Small,
     * so events arrive within seconds: events Slack indexes later than this are caught by overlap. lag plus overlap
     * is how late an event may be indexed and still be delivered. A whole number of seconds, zero or more: an
     * ISO-8601 duration (PT5S), a number with a unit (5s) or a plain number of milliseconds (5000).
     */
    public void setLag(String lag) {
        this.lag = lag;
    }

    /** Sets lag as a duration (the programmatic form of {@link #setLag(String)}). */
    public void setLag(Duration lag) {
        this.lag = lag == null ? null : lag.toString();
    }

    /** The overlap option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getOverlap() {
        return DurationOption.OVERLAP.parse(overlap);
    }

    /**
     * Each poll reads this much before the checkpoint again, to catch events Slack indexed late; events already
     * delivered are dropped by the idempotent repository. It costs no request while the overlap and the new events fit
     * in one page. History read long after it happened (a backfill, a restart) is not read again. A whole number of
     * seconds, zero or more: an ISO-8601 duration (PT6M), a number with a unit (360s, 6m) or a plain number of
     * milliseconds (360000).
     */
    public void setOverlap(String overlap) {
        this.overlap = overlap;
    }

    /** Sets overlap as a duration (the programmatic form of {@link #setOverlap(String)}). */
    public void setOverlap(Duration overlap) {
        this.overlap = overlap == null ? null : overlap.toString();
    }

    /** The windowSize option as a duration, or {@code null} when not set (no limit). */
    public Duration getWindowSize() {
        return windowSize == null || windowSize.isBlank() ? null : DurationOption.WINDOW_SIZE.parse(windowSize);
    }

    /**
     * The longest time range one window covers, unlimited when not set. Windows are sized from the history's density
     * instead (see maxEventsPerWindow); setting this costs a request for every window's partial last page, e.g. one
     * request per hour of quiet history with PT1H. A whole number of seconds, at least one: an ISO-8601 duration
     * (PT1H), a number with a unit (3600s, 1h) or a plain number of milliseconds (3600000).
     */
    public void setWindowSize(String windowSize) {
        this.windowSize = windowSize;
    }

    /** Sets windowSize as a duration (the programmatic form of {@link #setWindowSize(String)}). */
    public void setWindowSize(Duration windowSize) {
        this.windowSize = windowSize == null ? null : windowSize.toString();
    }

    /** The recheck option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getRecheck() {
        return DurationOption.RECHECK.parse(recheck);
    }

    /**
     * How far back a recheck reads once more, every recheckInterval, for events Slack indexed later than lag plus
     * overlap; events already delivered are dropped by the idempotent repository, the others are delivered oldest
     * first. A recheck spends at most 5% of the requests the polls make (one per delay): on dense history it covers
     * less than this, as much as that share pays for (docs/late-events.md). With an in-memory idempotent repository
     * it only covers events delivered since the consumer started, as far back as the repository remembers, so it
     * never delivers an old event twice. 0 switches it off. A whole number of seconds, zero or more: an ISO-8601
     * duration (PT24H), a number with a unit (24h) or a plain number of milliseconds (86400000).
     */
    public void setRecheck(String recheck) {
        this.recheck = recheck;
    }

    /** Sets recheck as a duration (the programmatic form of {@link #setRecheck(String)}). */
    public void setRecheck(Duration recheck) {
        this.recheck = recheck == null ? null : recheck.toString();
    }

    /** The recheckInterval option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getRecheckInterval() {
        return DurationOption.RECHECK_INTERVAL.parse(recheckInterval);
    }

    /**
     * How often a recheck starts (see recheck). It runs between polls, one small window (about a page) per poll once
     * the poll has caught up, so live delivery never waits for it long. A whole number of seconds, at least one: an
     * ISO-8601 duration (PT1H), a number with a unit (1h, 30m) or a plain number of milliseconds (3600000).
     */
    public void setRecheckInterval(String recheckInterval) {
        this.recheckInterval = recheckInterval;
    }

    /** Sets recheckInterval as a duration (the programmatic form of {@link #setRecheckInterval(String)}). */
    public void setRecheckInterval(Duration recheckInterval) {
        this.recheckInterval = recheckInterval == null ? null : recheckInterval.toString();
    }

    public int getMaxEventsPerWindow() {
        return NumberOption.MAX_EVENTS_PER_WINDOW.parse(maxEventsPerWindow);
    }

    /**
     * The most events one window holds. Its pages stay in memory up to 20,000 events and go to a temporary file in
     * spoolDirectory beyond that, so the heap stays small whatever the window holds; this bounds the disk used (about
     * 1 KB an event, for up to two windows). A window that holds more stops reading there and the next ones are sized
     * from the density seen; a single second is never split.
     */
    public void setMaxEventsPerWindow(String maxEventsPerWindow) {
        this.maxEventsPerWindow = maxEventsPerWindow;
    }

    /** Sets maxEventsPerWindow as a number (the programmatic form of {@link #setMaxEventsPerWindow(String)}). */
    public void setMaxEventsPerWindow(int maxEventsPerWindow) {
        this.maxEventsPerWindow = Integer.toString(maxEventsPerWindow);
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    /**
     * Where a window's pages go when it holds more than 20,000 events (the system temporary directory when not set).
     * Files are deleted as soon as their window is delivered.
     */
    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public int getBatchSize() {
        return NumberOption.BATCH_SIZE.parse(batchSize);
    }

    /**
     * Events per exchange, for bulk sinks: each exchange carries up to this many events of one window, oldest first,
     * as an AuditLogBatch body (a List of AuditLogEntry that converts to JSON Lines), with Camel's batch properties
     * and the batch's headers. The checkpoint moves past a batch once its exchange succeeded. 0 (the default) sends
     * one event per exchange; at most 10000.
     */
    public void setBatchSize(String batchSize) {
        this.batchSize = batchSize;
    }

    /** Sets batchSize as a number (the programmatic form of {@link #setBatchSize(String)}). */
    public void setBatchSize(int batchSize) {
        this.batchSize = Integer.toString(batchSize);
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where the consumer keeps its checkpoint: e.g. a FileStateRepository, or one shared by all nodes for HA. In memory
     * when not set (a route restart resumes, a JVM restart starts again from oldest).
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The checkpoint's key in the state repository. Derived from the baseUrl host and path and the filters when not set;
     * set it when several consumers share a repository or the filters may change.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers the ids of delivered events so the overlap and a window read again deliver none twice. In memory, the
     * 100,000 ids delivered last, when not set; a persistent one (JDBC, Redis, Infinispan...) also makes restarts
     * duplicate-free. Camel's FileIdempotentRepository reads its whole file for every id it has not cached, so it suits
     * small volumes only.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxResults() {
        return NumberOption.MAX_RESULTS.parse(maxResults);
    }

    /** The most events one logs producer call returns (newest first). */
    public void setMaxResults(String maxResults) {
        this.maxResults = maxResults;
    }

    /** Sets maxResults as a number (the programmatic form of {@link #setMaxResults(String)}). */
    public void setMaxResults(int maxResults) {
        this.maxResults = Integer.toString(maxResults);
    }

    public int getMaxRequestsPerMinute() {
        return NumberOption.MAX_REQUESTS_PER_MINUTE.parse(maxRequestsPerMinute);
    }

    /**
     * Client-side request budget. Slack's limit (about 50 calls a minute) is shared by every app of the organization,
     * so stay well below it. 0 disables pacing; a 429 is always honoured.
     */
    public void setMaxRequestsPerMinute(String maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    /** Sets maxRequestsPerMinute as a number (the programmatic form of {@link #setMaxRequestsPerMinute(String)}). */
    public void setMaxRequestsPerMinute(int maxRequestsPerMinute) {
        this.maxRequestsPerMinute = Integer.toString(maxRequestsPerMinute);
    }

    public int getMaxRetries() {
        return NumberOption.MAX_RETRIES.parse(maxRetries);
    }

    /** How often one request is repeated after a 429, a 5xx, a connection failure or an unreadable answer. */
    public void setMaxRetries(String maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** Sets maxRetries as a number (the programmatic form of {@link #setMaxRetries(String)}). */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = Integer.toString(maxRetries);
    }

    /** The retryDelay option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getRetryDelay() {
        return DurationOption.RETRY_DELAY.parse(retryDelay);
    }

    /**
     * The first backoff delay between retries; it doubles per attempt, with jitter, up to a minute. Zero or more: an
     * ISO-8601 duration (PT1S), a number with a unit (1s, 500ms) or a plain number of milliseconds (1000).
     */
    public void setRetryDelay(String retryDelay) {
        this.retryDelay = retryDelay;
    }

    /** Sets retryDelay as a duration (the programmatic form of {@link #setRetryDelay(String)}). */
    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay == null ? null : retryDelay.toString();
    }

    /** The connectTimeout option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getConnectTimeout() {
        return DurationOption.CONNECT_TIMEOUT.parse(connectTimeout);
    }

    /**
     * How long to wait for a TCP connection to Slack. Longer than zero: an ISO-8601 duration (PT10S), a number with a
     * unit (10s) or a plain number of milliseconds (10000).
     */
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** Sets connectTimeout as a duration (the programmatic form of {@link #setConnectTimeout(String)}). */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout == null ? null : connectTimeout.toString();
    }

    /** The socketTimeout option as a duration; fails with what it accepts if it was set to text that is not one. */
    public Duration getSocketTimeout() {
        return DurationOption.SOCKET_TIMEOUT.parse(socketTimeout);
    }

    /**
     * The longest silence while waiting for or reading Slack's answer (a 9999-event page can take a while). Longer than
     * zero: an ISO-8601 duration (PT60S), a number with a unit (60s, 1m) or a plain number of milliseconds (60000).
     */
    public void setSocketTimeout(String socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    /** Sets socketTimeout as a duration (the programmatic form of {@link #setSocketTimeout(String)}). */
    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout == null ? null : socketTimeout.toString();
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** HTTP proxy host. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort == null || proxyPort.isBlank() ? null : NumberOption.PROXY_PORT.parse(proxyPort);
    }

    /** HTTP proxy port. */
    public void setProxyPort(String proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** Sets proxyPort as a number (the programmatic form of {@link #setProxyPort(String)}). */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort == null ? null : proxyPort.toString();
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS configuration (trust store, protocols) through Camel's SSLContextParameters. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /**
     * What the HTTP client needs of these options. The mapping lives here, not in the client package, so that the client
     * never depends on the component's classes: it takes values, and this class gives them.
     *
     * @param camelContext for the sslContextParameters
     */
    ClientConfiguration toClientConfiguration(CamelContext camelContext) {
        SSLContext sslContext = null;
        if (sslContextParameters != null) {
            try {
                sslContext = sslContextParameters.createSSLContext(camelContext);
            } catch (Exception e) {
                throw new IllegalArgumentException("Invalid sslContextParameters: " + e.getMessage(), e);
            }
        }
        return new ClientConfiguration(BaseUrl.check(baseUrl, allowInsecureHttp), token, getConnectTimeout(),
                getSocketTimeout(), proxyHost, getProxyPort() == null ? -1 : getProxyPort(), sslContext,
                getMaxRequestsPerMinute(), getMaxRetries(), getRetryDelay());
    }

    /** A copy for one endpoint, so URI options never change the component's defaults. */
    public SlackAuditLogsConfiguration copy() {
        try {
            return (SlackAuditLogsConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
