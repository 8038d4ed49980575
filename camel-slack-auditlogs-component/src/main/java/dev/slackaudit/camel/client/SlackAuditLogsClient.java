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
package dev.slackaudit.camel.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that talks HTTP to the Slack Audit Logs API, with Apache HttpClient 5: pooled connections, timeouts,
 * proxy and TLS; {@link SlackRetryStrategy HttpClient's retry strategy} for 429, 5xx and connection failures; a
 * {@link RequestPacer} for the org-wide quota; and retries of pages whose body could not be read, which HttpClient's
 * retries cannot cover (they end when the response headers arrive). Thread-safe; one per endpoint.
 */
public final class SlackAuditLogsClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsClient.class);
    private static final Logger WIRE_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ClientConfiguration configuration;
    private final CloseableHttpClient httpClient;
    private final SlackRetryStrategy retryStrategy;
    private final ClientStatistics statistics = new ClientStatistics();
    private final ServerClock serverClock = new ServerClock();

    public SlackAuditLogsClient(ClientConfiguration configuration) {
        this.configuration = configuration;
        RequestPacer pacer = new RequestPacer(configuration.maxRequestsPerMinute());
        this.retryStrategy = new SlackRetryStrategy(configuration.maxRetries(), configuration.retryDelay(), pacer,
                                                    statistics);
        Timeout socketTimeout = Timeout.of(configuration.socketTimeout());
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(socketTimeout).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(configuration.connectTimeout()))
                        .setSocketTimeout(socketTimeout)
                        .build());
        if (configuration.sslContext() != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(configuration.sslContext()));
        }
        PoolingHttpClientConnectionManager connectionManager = connections.build();
        var builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(socketTimeout).build())
                .setRetryStrategy(retryStrategy)
                .setUserAgent("camel-slack-auditlogs")
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                // runs once per attempt, retries included: every call to Slack is paced and counted
                .addRequestInterceptorFirst((request, entity, context) -> {
                    pacer.acquire();
                    statistics.requestSent();
                });
        if (configuration.proxyHost() != null) {
            builder.setProxy(new HttpHost(configuration.proxyHost(), configuration.proxyPort()));
        }
        this.httpClient = builder.build();
        if (WIRE_LOG.isDebugEnabled()) {
            LOG.warn("The logger org.apache.hc.client5.http.wire is at DEBUG: it writes raw HTTP bytes, including the"
                     + " Authorization header with the Slack token, to your logs. Turn it off outside a debugging session.");
        }
    }

    /** Traffic counters of this client. */
    public ClientStatistics statistics() {
        return statistics;
    }

    /** Slack's clock, learned from the {@code Date} header of every answer. */
    public ServerClock serverClock() {
        return serverClock;
    }

    /**
     * Fetches one page of {@code GET /logs}.
     *
     * @param  cursor                  the previous page's {@code next_cursor}, or {@code null} for the first page
     * @throws SlackAuditLogsException when Slack refuses the request or retries could not get a readable answer;
     *                                 {@code getErrorCode()} is {@code invalid_cursor} for a rejected cursor
     */
    public LogsPage fetchLogsPage(LogsQuery query, String cursor) {
        URI uri = logsUri(query, cursor);
        LogsPage page = getJson(uri, true, LogsPageParser::parse);
        statistics.pageRead();
        return page;
    }

    /** {@code GET /actions}: action names by category, e.g. {@code user -> [user_login, ...]}. */
    public Map<String, List<String>> fetchActions() {
        return getJson(endpoint("actions"), false, body -> {
            JsonNode actions = MAPPER.readTree(body).path("actions");
            if (!actions.isObject()) {
                throw new IOException("The /actions answer has no \"actions\" object");
            }
            return MAPPER.convertValue(actions, new TypeReference<LinkedHashMap<String, List<String>>>() {
            });
        });
    }

    /** {@code GET /schemas}: the list of entity schemas as Slack sends it (a type may repeat: docs/slack-api.md, The /schemas listing). */
    public List<Map<String, Object>> fetchSchemas() {
        return getJson(endpoint("schemas"), false, body -> {
            JsonNode schemas = MAPPER.readTree(body).path("schemas");
            if (!schemas.isArray()) {
                throw new IOException("The /schemas answer has no \"schemas\" array");
            }
            return MAPPER.convertValue(schemas, new TypeReference<List<Map<String, Object>>>() {
            });
        });
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }

    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(byte[] body) throws IOException;
    }

    private record RawResponse(int status, byte[] body) {
    }

    /** An I/O failure while reading a response body: HttpClient's retries are over by then, so we retry here. */
    private static final class UnreadableBodyException extends IOException {
        UnreadableBodyException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** No response at all after HttpClient's own retries (connection refused, reset, timed out). */
    private static final class ConnectionFailedException extends IOException {
        ConnectionFailedException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private <T> T getJson(URI uri, boolean authenticated, BodyParser<T> parser) {
        String method = "GET " + uri.getPath();
        HttpClientContext context = HttpClientContext.create();
        RetryBudget budget = new RetryBudget(configuration.maxRetries());
        context.setAttribute(RetryBudget.ATTRIBUTE, budget);
        while (true) {
            IOException failure;
            try {
                RawResponse response = execute(uri, authenticated, context);
                if (response.status() / 100 != 2) {
                    SlackAuditLogsException error
                            = SlackErrors.fromResponse(method, response.status(), errorCode(response.body()));
                    statistics.error(error.getErrorCode() != null ? error.getErrorCode() : "HTTP " + response.status());
                    throw error;
                }
                return parser.parse(response.body());
            } catch (UnreadableBodyException e) {
                failure = (IOException) e.getCause();
            } catch (ConnectionFailedException e) {
                // HttpClient already retried this with SlackRetryStrategy
                statistics.error(e.getCause().getClass().getSimpleName());
                throw SlackErrors.unreadable(method, (Exception) e.getCause());
            } catch (IOException e) {
                failure = e; // a truncated or malformed body
            }
            statistics.error(failure.getClass().getSimpleName());
            if (Thread.currentThread().isInterrupted() || !budget.tryUse()) {
                throw SlackErrors.unreadable(method, failure);
            }
            statistics.retried();
            long wait = retryStrategy.backoff(budget.used()).toMilliseconds();
            LOG.debug("Retrying {} in {} ms: the response could not be read ({})", method, wait, failure.toString());
            try {
                TimeUnit.MILLISECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SlackErrors.unreadable(method, failure);
            }
        }
    }

    private RawResponse execute(URI uri, boolean authenticated, HttpClientContext context)
            throws UnreadableBodyException, ConnectionFailedException {
        HttpGet get = new HttpGet(uri);
        if (authenticated && configuration.token() != null) {
            get.addHeader(new TokenHeader(configuration.token()));
        }
        try {
            return httpClient.execute(get, context, response -> {
                var date = response.getFirstHeader(HttpHeaders.DATE);
                serverClock.observe(date == null ? null : date.getValue());
                HttpEntity entity = response.getEntity();
                try {
                    byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
                    return new RawResponse(response.getCode(), body);
                } catch (IOException e) {
                    throw new UnreadableBodyException(e);
                }
            });
        } catch (UnreadableBodyException e) {
            throw e;
        } catch (IOException e) {
            throw new ConnectionFailedException(e);
        }
    }

    private static String errorCode(byte[] body) {
        // Slack's error body is {"ok":false,"error":"<code>"}, but a 401 may have no body and a 5xx an HTML page
        try {
            JsonNode error = MAPPER.readTree(body).path("error");
            return error.isTextual() ? error.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private URI logsUri(LogsQuery query, String cursor) {
        try {
            // every page repeats oldest, latest, limit and the filters: Slack's cursor carries only a position
            URIBuilder uri = new URIBuilder(endpoint("logs"));
            if (query.oldest() != null) {
                uri.addParameter("oldest", Long.toString(query.oldest()));
            }
            if (query.latest() != null) {
                uri.addParameter("latest", Long.toString(query.latest()));
            }
            uri.addParameter("limit", Integer.toString(query.limit()));
            if (!query.actions().isEmpty()) {
                uri.addParameter("action", String.join(",", query.actions()));
            }
            if (query.actor() != null) {
                uri.addParameter("actor", query.actor());
            }
            if (query.entity() != null) {
                uri.addParameter("entity", query.entity());
            }
            if (cursor != null) {
                uri.addParameter("cursor", cursor);
            }
            return uri.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the /logs URL: " + e.getMessage(), e);
        }
    }

    private URI endpoint(String method) {
        String base = configuration.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base + method : base + "/" + method);
    }

    /**
     * The {@code Authorization} header. HttpClient logs request headers with {@code toString()} when a user turns
     * on {@code org.apache.hc.client5.http.headers} at DEBUG; this one prints without the token. It is marked
     * sensitive, so HttpClient refuses to follow a redirect that would carry it to another host.
     */
    static final class TokenHeader extends BasicHeader {
        TokenHeader(String token) {
            super(HttpHeaders.AUTHORIZATION, "Bearer " + token, true);
        }

        @Override
        public String toString() {
            return HttpHeaders.AUTHORIZATION + ": Bearer <redacted>";
        }
    }
}
