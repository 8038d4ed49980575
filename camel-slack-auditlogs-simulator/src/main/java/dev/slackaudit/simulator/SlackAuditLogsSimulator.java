package dev.slackaudit.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;


import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An embeddable fake of Slack's Enterprise Audit Logs API ({@code https://api.slack.com/audit/v1}): a
 * deterministic synthetic Enterprise organisation served over real HTTP on loopback, with Slack's paging,
 * filters, authentication, rate limit and error shapes, plus scripted faults and a request log.
 *
 * <pre>{@code
 * try (SlackAuditLogsSimulator slack = SlackAuditLogsSimulator.builder().events(5_000).token("xoxp-test").build().start()) {
 *     String baseUrl = slack.baseUrl();   // http://127.0.0.1:<port>/audit/v1
 *     ...
 * }
 * }</pre>
 *
 * All methods are thread-safe; data and faults may change while requests are served.
 */
public final class SlackAuditLogsSimulator implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int HANDLER_THREADS = 8;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final SyntheticEvents synthetic;
    private final CursorCodec cursors;
    private final FaultPlan faults;
    private final RequestLog requestLog = new RequestLog();
    private final SimulatorHandler handler;
    private final int requestedPort;
    private final SSLContext tls;

    /** Copy-on-write: readers take the current snapshot; writers replace it under {@code this} lock. */
    private volatile EntryTimeline timeline = EntryTimeline.EMPTY;

    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;

    private SlackAuditLogsSimulator(Builder builder) {
        Clock clock = builder.clock;
        Instant to = builder.to != null ? builder.to : clock.instant().minus(Duration.ofMinutes(2));
        Instant from = builder.from != null ? builder.from : to.minus(Duration.ofHours(24));
        ActionCatalog catalog = ActionCatalog.fromCapture();

        this.synthetic = new SyntheticEvents(builder.seed, catalog);
        this.cursors = new CursorCodec(clock, builder.cursorTtl);
        this.faults = builder.faults;
        this.requestedPort = builder.port;
        this.tls = builder.tls;
        TokenPolicy tokens = new TokenPolicy(builder.token, builder.tokenErrors, builder.unauthorizedBody);
        AuditApi api = new AuditApi(() -> timeline, catalog, cursors, tokens);
        this.handler = new SimulatorHandler(api, tokens, new RateLimiter(builder.rateLimitPerMinute, clock), faults,
                requestLog, clock);

        List<StoredEntry> initial = new ArrayList<>(synthetic.generate(builder.events, from, to));
        builder.entries.stream().map(StoredEntry::verbatim).forEach(initial::add);
        timeline = timeline.with(initial);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds {@code 127.0.0.1} and starts serving. The JDK's built-in {@code HttpServer} keeps the simulator
     * free of dependencies, so it embeds in any test classpath, and loopback keeps it off the network.
     */
    public synchronized SlackAuditLogsSimulator start() {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "the simulator is closed" : "the simulator is already started");
        }
        // Without TCP_NODELAY the JDK server sends headers and body as two segments and Nagle's algorithm meets the
        // client's delayed ACK: about 40 ms per request. The JDK reads this once, when its first HttpServer starts.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(LOOPBACK), requestedPort);
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(address, 50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + LOOPBACK + ":" + requestedPort, e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(HANDLER_THREADS, task -> {
            Thread thread = new Thread(task, "slack-auditlogs-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true); // a test that forgets close() must still let the JVM exit
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return this;
    }

    /**
     * {@code http://127.0.0.1:<port>/audit/v1} ({@code https://} when built with {@link Builder#tls(SSLContext)}), the
     * simulator's stand-in for {@code https://api.slack.com/audit/v1}.
     */
    public String baseUrl() {
        return (tls != null ? "https://" : "http://") + LOOPBACK + ":" + port() + AuditApi.BASE_PATH;
    }

    /** The bound port (the ephemeral one if the builder asked for port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops serving; in-flight slow replies are abandoned. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Every entry id currently served, in API order (newest first); {@code null} for a verbatim entry without id. */
    public List<String> eventIds() {
        EntryTimeline current = timeline;
        List<String> ids = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            ids.add(current.get(i).id());
        }
        return Collections.unmodifiableList(ids);
    }

    /** Each served entry's exact JSON, in API order. */
    public List<String> eventJson() {
        EntryTimeline current = timeline;
        List<String> json = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            json.add(current.get(i).jsonText());
        }
        return Collections.unmodifiableList(json);
    }

    public int eventCount() {
        return timeline.size();
    }

    /** The smallest {@code date_create} served (Unix seconds); fails when nothing is served. */
    public long oldestDateCreate() {
        EntryTimeline current = timeline;
        requireEntries(current);
        return current.get(current.size() - 1).dateCreate();
    }

    /** The largest {@code date_create} served (Unix seconds); fails when nothing is served. */
    public long newestDateCreate() {
        EntryTimeline current = timeline;
        requireEntries(current);
        return current.get(0).dateCreate();
    }

    /**
     * Adds {@code count} synthetic events with {@code date_create} in {@code [from, to]}, visible to the next
     * request at their place in time: Slack indexes some events late, so a collector that never looks back
     * behind its checkpoint misses them.
     *
     * @return the new events' ids
     */
    public synchronized List<String> addGeneratedEvents(int count, Instant from, Instant to) {
        List<StoredEntry> added = synthetic.generate(count, from, to);
        timeline = timeline.with(added);
        return added.stream().map(StoredEntry::id).collect(Collectors.toUnmodifiableList());
    }

    /** Adds entries served exactly as given (each a JSON object with an integer {@code date_create}). */
    public synchronized void addEntries(String... entryJson) {
        List<StoredEntry> added = new ArrayList<>();
        for (String json : entryJson) {
            added.add(StoredEntry.verbatim(json));
        }
        timeline = timeline.with(added);
    }

    /** Makes every cursor issued so far stale: using one answers {@code 400 invalid_cursor}. */
    public void invalidateCursors() {
        cursors.invalidateAll();
    }

    /** The live fault plan (the builder's, or an empty one): changes apply to the next request. */
    public FaultPlan faults() {
        return faults;
    }

    /** The requests served so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    private static void requireEntries(EntryTimeline current) {
        if (current.size() == 0) {
            throw new IllegalStateException("the simulator serves no entries");
        }
    }

    /** Configures a simulator; every setting has a default, so {@code builder().build()} is a working org. */
    public static final class Builder {

        private long seed = 42L;
        private int events = 1000;
        private Instant from;
        private Instant to;
        private String token = "xoxp-simulator";
        private int rateLimitPerMinute;
        private boolean unauthorizedBody = true;
        private final Map<String, TokenPolicy.TokenError> tokenErrors = new LinkedHashMap<>();
        private final List<String> entries = new ArrayList<>();
        private FaultPlan faults = FaultPlan.none();
        private int port;
        private SSLContext tls;
        private Clock clock = Clock.systemUTC();
        private Duration cursorTtl = Duration.ofMinutes(10);

        private Builder() {
        }

        /** Seed of the synthetic org and its events: the same seed gives the same ids and JSON (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many synthetic events to serve (default 1000; 0 serves only {@link #entries(List)}). */
        public Builder events(int events) {
            if (events < 0) {
                throw new IllegalArgumentException("events must not be negative: " + events);
            }
            this.events = events;
            return this;
        }

        /** The range (inclusive) of the synthetic events' {@code date_create}; default the 24 h ending 2 minutes before {@link #build()}. */
        public Builder timeSpan(Instant from, Instant to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("timeSpan from " + from + " is after to " + to);
            }
            this.from = from;
            this.to = to;
            return this;
        }

        /** The bearer token {@code /logs} accepts (default {@code xoxp-simulator}). */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = token;
            return this;
        }

        /** Requests per rolling 60 s over all endpoints, like Slack's org-wide Tier 3 budget; 0 = unlimited (default). */
        public Builder rateLimitPerMinute(int rateLimitPerMinute) {
            if (rateLimitPerMinute < 0) {
                throw new IllegalArgumentException("rateLimitPerMinute must not be negative: " + rateLimitPerMinute);
            }
            this.rateLimitPerMinute = rateLimitPerMinute;
            return this;
        }

        /** Whether a 401 carries {@code {"ok":false,"error":...}} (default) or, as Slack has been seen doing, no body. */
        public Builder unauthorizedBody(boolean unauthorizedBody) {
            this.unauthorizedBody = unauthorizedBody;
            return this;
        }

        /** Answers requests bearing {@code token} with {@code status} and {@code {"ok":false,"error":"<code>"}}. */
        public Builder tokenError(String token, int status, String code) {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(code, "code");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error status is 4xx or 5xx, got " + status);
            }
            tokenErrors.put(token, new TokenPolicy.TokenError(status, code));
            return this;
        }

        /** Entries served exactly as given, in addition to the synthetic ones (each a JSON object with an integer {@code date_create}). */
        public Builder entries(List<String> entryJson) {
            entryJson.forEach(json -> entries.add(Objects.requireNonNull(json, "entry")));
            return this;
        }

        /** The fault plan, which stays live through {@link SlackAuditLogsSimulator#faults()} (default none). */
        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** The port to bind on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serve HTTPS with this server-side TLS context (its key manager holds the certificate; for 127.0.0.1 it needs
         * the subject alternative name {@code IP:127.0.0.1}), so clients can test their TLS configuration. Plain HTTP
         * by default.
         */
        public Builder tls(SSLContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * The clock behind the rate-limit window, cursor expiry, the request log's times and the default time
         * span; tests pass an adjustable clock instead of waiting out a real minute (default the system UTC clock).
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a cursor stays valid; Slack documents none, only that cursors expire (default 10 minutes). */
        public Builder cursorTtl(Duration cursorTtl) {
            Objects.requireNonNull(cursorTtl, "cursorTtl");
            if (cursorTtl.isNegative() || cursorTtl.isZero()) {
                throw new IllegalArgumentException("cursorTtl must be positive: " + cursorTtl);
            }
            this.cursorTtl = cursorTtl;
            return this;
        }

        /** Generates the org and its events (this is where the time goes for big orgs); does not bind a port yet. */
        public SlackAuditLogsSimulator build() {
            return new SlackAuditLogsSimulator(this);
        }
    }
}
