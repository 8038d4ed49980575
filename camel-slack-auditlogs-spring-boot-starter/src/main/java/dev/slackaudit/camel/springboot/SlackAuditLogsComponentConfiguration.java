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
package dev.slackaudit.camel.springboot;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.slack-auditlogs.*} properties: every option of the slack-auditlogs component, with the
 * component's defaults, so Spring Boot binds them and IDEs complete them. The component catalog
 * ({@code slack-auditlogs.json}) is the source of truth; a test fails when the two drift apart.
 * <p>
 * The component's {@code configuration} option (all endpoint defaults as one object) is left out on purpose: every
 * one of its fields is an option here, and copying both onto the component would make the outcome depend on the
 * order the copy takes. Define the component as a bean to hand it a whole configuration object.
 * <p>
 * The durations and numbers are text, as in the component: Spring Boot hands the value as typed to the component,
 * which refuses one it cannot use with the option's name, the value and the forms accepted (Spring's own Duration
 * binding would accept other forms than a URI, and Camel's would turn a typo into zero).
 * <p>
 * Its length (over 500 lines) is the honest size of its one job: each of the component's options is a field with
 * its description (which Spring Boot's configuration processor copies into the metadata IDEs read), a getter and a
 * setter. Splitting it into nested groups would change the property names users write. Camel's starter generator only
 * knows org.apache.camel components, so the class is written by hand; {@code StarterMatchesCatalogTest} keeps it in
 * step with the component catalog (names, types, defaults) and {@code ConfigurationMetadataTest} checks every option
 * has a description.
 */
@ConfigurationProperties(prefix = "camel.component.slack-auditlogs")
public class SlackAuditLogsComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The root of the Audit Logs API. Override it for GovSlack, a proxy or the simulator. A plain http:// URL is
     * refused unless its host is loopback or allowInsecureHttp is set, so the token never crosses a network in clear.
     */
    private String baseUrl = "https://api.slack.com/audit/v1";
    /**
     * Page size sent to Slack (1 to 9999). Requests are the scarce resource under the org-wide quota of about 50 calls
     * a minute, so the largest page is the default.
     */
    private String limit = "9999";
    /**
     * Client-side request budget. Slack's limit (about 50 calls a minute) is shared by every app of the organization,
     * so stay well below it. 0 disables pacing; a 429 is always honoured.
     */
    private String maxRequestsPerMinute = "20";
    /**
     * Events per exchange, for bulk sinks: each exchange carries up to this many events of one window, oldest first,
     * as an AuditLogBatch body (a List of AuditLogEntry that converts to JSON Lines), with Camel's batch properties
     * and the batch's headers. The checkpoint moves past a batch once its exchange succeeded. 0 (the default) sends
     * one event per exchange; at most 10000.
     */
    private String batchSize = "0";
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Remembers the ids of delivered events so the overlap and a window read again deliver none twice; refer to the
     * bean with #name. In memory, the 100,000 ids delivered last, when not set; a persistent one (JDBC, Redis,
     * Infinispan...) also makes restarts duplicate-free. Camel's FileIdempotentRepository reads its whole file for
     * every id it has not cached, so it suits small volumes only.
     */
    private IdempotentRepository idempotentRepository;
    /**
     * Never ask for events newer than now minus this, on Slack's clock (learned from its answers' Date header). Small,
     * so events arrive within seconds: events Slack indexes later than this are caught by overlap. lag plus overlap is
     * how late an event may be indexed and still be delivered. A whole number of seconds, zero or more: an ISO-8601
     * duration (PT5S), a number with a unit (5s) or a plain number of milliseconds (5000).
     */
    private String lag = "PT5S";
    /**
     * Each poll reads this much before the checkpoint again, to catch events Slack indexed late; events already
     * delivered are dropped by the idempotent repository. It costs no request while the overlap and the new events fit
     * in one page. History read long after it happened (a backfill, a restart) is not read again. A whole number of
     * seconds, zero or more: an ISO-8601 duration (PT6M), a number with a unit (360s, 6m) or a plain number of
     * milliseconds (360000).
     */
    private String overlap = "PT6M";
    /**
     * How far back a recheck reads once more, every recheckInterval, for events Slack indexed later than lag plus
     * overlap; events already delivered are dropped by the idempotent repository, the others are delivered oldest
     * first. A recheck spends at most 5% of the requests the polls make (one per delay): on dense history it covers
     * less than this, as much as that share pays for (docs/late-events.md). With an in-memory idempotent repository it
     * only covers events delivered since the consumer started, as far back as the repository remembers, so it never
     * delivers an old event twice. 0 switches it off. A whole number of seconds, zero or more: an ISO-8601 duration
     * (PT24H), a number with a unit (24h) or a plain number of milliseconds (86400000).
     */
    private String recheck = "PT24H";
    /**
     * How often a recheck starts (see recheck). It runs between polls, one small window (about a page) per poll once
     * the poll has caught up, so live delivery never waits for it long. A whole number of seconds, at least one: an
     * ISO-8601 duration (PT1H), a number with a unit (1h, 30m) or a plain number of milliseconds (3600000).
     */
    private String recheckInterval = "PT1H";
    /**
     * The checkpoint's key in the state repository. Derived from the baseUrl host and path and the filters when not
     * set; set it when several consumers share a repository or the filters may change.
     */
    private String stateKey;
    /**
     * Where the consumer keeps its checkpoint: e.g. a FileStateRepository, or one shared by all nodes for HA; refer to
     * the bean with #name. In memory when not set (a route restart resumes, a JVM restart starts again from oldest).
     */
    private StateRepository<String, String> stateRepository;
    /**
     * The longest time range one window covers, unlimited when not set. Windows are sized from the history's density
     * instead (see maxEventsPerWindow); setting this costs a request for every window's partial last page, e.g. one
     * request per hour of quiet history with PT1H. A whole number of seconds, at least one: an ISO-8601 duration
     * (PT1H), a number with a unit (3600s, 1h) or a plain number of milliseconds (3600000).
     */
    private String windowSize;
    /**
     * The most events one window holds. Its pages stay in memory up to 20,000 events and go to a temporary file in
     * spoolDirectory beyond that, so the heap stays small whatever the window holds; this bounds the disk used (about 1
     * KB an event, for up to two windows). A window that holds more stops reading there and the next ones are sized
     * from the density seen; a single second is never split.
     */
    private String maxEventsPerWindow = "500000";
    /**
     * Where a window's pages go when it holds more than 20,000 events (the system temporary directory when not set).
     * Files are deleted as soon as their window is delivered.
     */
    private String spoolDirectory;
    /**
     * The time between polls of every consumer this component creates, unless its URI sets delay: an ISO-8601
     * duration (PT20S), a number with a unit (20s, 1m) or a plain number of milliseconds (20000), longer than zero. The
     * other scheduler options (initialDelay, greedy...) are set on each endpoint.
     */
    private String delay = "20000";
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * The most events one logs producer call returns (newest first).
     */
    private String maxResults = "1000";
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * How long to wait for a TCP connection to Slack. Longer than zero: an ISO-8601 duration (PT10S), a number with a
     * unit (10s) or a plain number of milliseconds (10000).
     */
    private String connectTimeout = "PT10S";
    /**
     * How often one request is repeated after a 429, a 5xx, a connection failure or an unreadable answer.
     */
    private String maxRetries = "5";
    /**
     * The first backoff delay between retries; it doubles per attempt, with jitter, up to a minute. Zero or more: an
     * ISO-8601 duration (PT1S), a number with a unit (1s, 500ms) or a plain number of milliseconds (1000).
     */
    private String retryDelay = "PT1S";
    /**
     * The longest silence while waiting for or reading Slack's answer (a 9999-event page can take a while). Longer than
     * zero: an ISO-8601 duration (PT60S), a number with a unit (60s, 1m) or a plain number of milliseconds (60000).
     */
    private String socketTimeout = "PT60S";
    /**
     * Comma-separated action names to read, e.g. user_login,file_downloaded (all actions when empty). Slack takes at
     * most 30 per request; longer lists are read as several queries and merged. The consumer checks the names against
     * GET /actions when it starts.
     */
    private String action;
    /**
     * Only events of this actor (a user id such as W123AB456).
     */
    private String actor;
    /**
     * Only events on this entity (a channel, file, app, workspace, user... id).
     */
    private String entity;
    /**
     * Where reading ends (inclusive), in the same forms as oldest. A consumer whose checkpoint passes it stops
     * fetching: a bounded export.
     */
    private String latest;
    /**
     * Where reading starts: Unix seconds, an ISO-8601 instant (2026-11-01T00:00:00Z), a UTC date, or an ISO-8601
     * duration meaning that long before now (P7D). A consumer uses it only when its state repository holds no
     * checkpoint; a producer uses it as the default lower bound of a query.
     */
    private String oldest = "P1D";
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * HTTP proxy host.
     */
    private String proxyHost;
    /**
     * HTTP proxy port.
     */
    private String proxyPort;
    /**
     * TLS configuration (trust store, protocols) through Camel's SSLContextParameters; refer to the bean with #name.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * The Slack user token (xoxp-...) of an Enterprise organization owner, with the auditlogs:read scope, from an app
     * installed on the organization. Required for logs. Keep it out of the file: write ${SLACK_AUDIT_TOKEN} and set
     * the variable.
     */
    private String token;
    /**
     * Use the global SSLContextParameters of the CamelContext when an endpoint sets none.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * Allow a plain http:// baseUrl to a host that is not loopback (the token then travels unencrypted).
     */
    private Boolean allowInsecureHttp = false;
    /**
     * Whether the slack-auditlogs:ecs data type parses each event's user agent into user_agent.name, version, os and
     * device (with ua-parser's rules, as Elastic's pipeline does). user_agent.original is always there.
     */
    private Boolean userAgentParsing = true;
    /**
     * The path of a MaxMind GeoIP2 or GeoLite2 City database (GeoLite2-City.mmdb): the slack-auditlogs:ecs data type
     * then adds the source.geo fields (continent, country, region, city, location) for each event's IP address. Not
     * set: no GeoIP look-up.
     */
    private String geoIpCityDatabase;
    /**
     * The path of a MaxMind GeoLite2 ASN database (GeoLite2-ASN.mmdb): the slack-auditlogs:ecs data type then adds
     * source.as.number and source.as.organization.name for each event's IP address. Not set: no ASN look-up.
     */
    private String geoIpAsnDatabase;

    public String getDelay() {
        return delay;
    }

    public void setDelay(String delay) {
        this.delay = delay;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getMaxRequestsPerMinute() {
        return maxRequestsPerMinute;
    }

    public void setMaxRequestsPerMinute(String maxRequestsPerMinute) {
        this.maxRequestsPerMinute = maxRequestsPerMinute;
    }

    public String getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(String batchSize) {
        this.batchSize = batchSize;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getLag() {
        return lag;
    }

    public void setLag(String lag) {
        this.lag = lag;
    }

    public String getOverlap() {
        return overlap;
    }

    public void setOverlap(String overlap) {
        this.overlap = overlap;
    }

    public String getRecheck() {
        return recheck;
    }

    public void setRecheck(String recheck) {
        this.recheck = recheck;
    }

    public String getRecheckInterval() {
        return recheckInterval;
    }

    public void setRecheckInterval(String recheckInterval) {
        this.recheckInterval = recheckInterval;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getWindowSize() {
        return windowSize;
    }

    public void setWindowSize(String windowSize) {
        this.windowSize = windowSize;
    }

    public String getMaxEventsPerWindow() {
        return maxEventsPerWindow;
    }

    public void setMaxEventsPerWindow(String maxEventsPerWindow) {
        this.maxEventsPerWindow = maxEventsPerWindow;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(String maxResults) {
        this.maxResults = maxResults;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(String maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(String retryDelay) {
        this.retryDelay = retryDelay;
    }

    public String getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(String socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getLatest() {
        return latest;
    }

    public void setLatest(String latest) {
        this.latest = latest;
    }

    public String getOldest() {
        return oldest;
    }

    public void setOldest(String oldest) {
        this.oldest = oldest;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(String proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public Boolean getUserAgentParsing() {
        return userAgentParsing;
    }

    public void setUserAgentParsing(Boolean userAgentParsing) {
        this.userAgentParsing = userAgentParsing;
    }

    public String getGeoIpCityDatabase() {
        return geoIpCityDatabase;
    }

    public void setGeoIpCityDatabase(String geoIpCityDatabase) {
        this.geoIpCityDatabase = geoIpCityDatabase;
    }

    public String getGeoIpAsnDatabase() {
        return geoIpAsnDatabase;
    }

    public void setGeoIpAsnDatabase(String geoIpAsnDatabase) {
        this.geoIpAsnDatabase = geoIpAsnDatabase;
    }
}
