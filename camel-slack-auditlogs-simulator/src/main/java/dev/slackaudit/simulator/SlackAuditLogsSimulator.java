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
package dev.slackaudit.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

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
 * <p>
 * This class starts and stops the server and is the one object tests hold; {@link ServedEntries} keeps what is served
 * (the timeline, live events, when each became visible), {@link InitialHistory} turns the builder's settings into the
 * events the simulator starts with, and {@link SimulatorHandler} answers requests. It stays over 300 lines because of
 * its nested {@link Builder}, about 250 lines, most of them the javadoc of the settings users test their routes with:
 * it is public API that tests in other modules name as {@code SlackAuditLogsSimulator.Builder}, so it stays nested.
 */
public final class SlackAuditLogsSimulator implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Clock serverClock;
    /** The clock of the {@code Date} header: the server clock, unless a proxy's other clock is simulated. */
    private final Clock dateClock;
    private final SyntheticEvents synthetic;
    private final CursorCodec cursors;
    private final FaultPlan faults;
    private final RequestLog requestLog = new RequestLog();
    private final SimulatorHandler handler;
    private final VisibilityEndpoint visibilityEndpoint;
    private final LiveFeed live;
    private final ServedEntries served;
    private final int requestedPort;
    private final SSLContext tls;

    private LoopbackHttpServer server;
    private boolean closed;

    private SlackAuditLogsSimulator(Builder builder) {
        // Everything time-related runs on the server's clock: Date headers, rate limit, cursors, live events, strict ranges.
        this.serverClock = Clock.offset(builder.clock, builder.clockOffset);
        this.dateClock = Clock.offset(serverClock, builder.dateHeaderOffset);
        ActionCatalog catalog = ActionCatalog.fromCapture();

        this.synthetic = new SyntheticEvents(builder.seed, catalog, builder.compactStorage);
        this.cursors = new CursorCodec(serverClock, builder.cursorTtl);
        this.faults = builder.faults;
        this.requestedPort = builder.port;
        this.tls = builder.tls;
        TokenPolicy tokens = new TokenPolicy(builder.token, builder.tokenErrors, builder.unauthorizedBody);
        RangePolicy range = builder.strictRange ? RangePolicy.strict(serverClock) : RangePolicy.lenient();
        this.live = builder.liveRate > 0 ? new LiveFeed(builder.liveRate, builder.indexingDelay, builder.seed, synthetic) : null;
        this.served = new ServedEntries(serverClock, live, builder.history.generate(synthetic, serverClock.instant()));
        AuditApi api = new AuditApi(served::current, catalog, cursors, tokens, range);
        this.handler = new SimulatorHandler(api, tokens, new RateLimiter(builder.rateLimitPerMinute, serverClock), faults,
                requestLog);
        this.visibilityEndpoint = new VisibilityEndpoint(served::visibilityOf, served::visibleSince);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds {@code 127.0.0.1} and starts serving (and, in live mode, starts the stream of live events). The small
     * {@link LoopbackHttpServer} keeps the simulator free of dependencies, so it embeds in any test classpath, and
     * loopback keeps it off the network.
     */
    public synchronized SlackAuditLogsSimulator start() {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "the simulator is closed" : "the simulator is already started");
        }
        try {
            server = LoopbackHttpServer.start(InetAddress.getByName(LOOPBACK), requestedPort, tls, serverClock, dateClock,
                                            this::serve);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + LOOPBACK + ":" + requestedPort, e);
        }
        if (live != null) {
            live.begin(serverClock.instant());
        }
        return this;
    }

    private Reply serve(IncomingRequest request) {
        return request.path().startsWith(VisibilityEndpoint.PREFIX) ? visibilityEndpoint.answer(request) : handler.apply(request);
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
        return server.port();
    }

    /** Stops serving; in-flight slow replies are abandoned. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
        }
    }

    /** Every entry id currently served, in API order (newest first); {@code null} for a verbatim entry without id. */
    public List<String> eventIds() {
        return served.each(StoredEntry::id);
    }

    /** Each served entry's exact JSON, in API order. */
    public List<String> eventJson() {
        return served.each(StoredEntry::jsonText);
    }

    public int eventCount() {
        return served.current().size();
    }

    /** The smallest {@code date_create} served (Unix seconds); fails when nothing is served. */
    public long oldestDateCreate() {
        return served.oldest().dateCreate();
    }

    /** The largest {@code date_create} served (Unix seconds); fails when nothing is served. */
    public long newestDateCreate() {
        return served.newest().dateCreate();
    }

    /**
     * Adds {@code count} synthetic events with {@code date_create} in {@code [from, to]}, visible to the next
     * request at their place in time: Slack indexes some events late, so a collector that never looks back
     * behind its checkpoint misses them.
     *
     * @return the new events' ids
     */
    public synchronized List<String> addGeneratedEvents(int count, Instant from, Instant to) {
        // under this lock, concurrent calls add their events in the order generate() numbered them
        List<StoredEntry> added = synthetic.generate(count, from, to);
        served.addNow(added);
        return added.stream().map(StoredEntry::id).collect(Collectors.toUnmodifiableList());
    }

    /** Adds entries served exactly as given (each a JSON object with an integer {@code date_create}). */
    public synchronized void addEntries(String... entryJson) {
        List<StoredEntry> added = new ArrayList<>();
        for (String json : entryJson) {
            added.add(StoredEntry.verbatim(json));
        }
        served.addNow(added);
    }

    /**
     * The server-clock instant the event with this id became visible in {@code /logs}: for a live event its arrival
     * plus its indexing delay; for {@link #addGeneratedEvents} and {@link #addEntries} the moment they were added;
     * for the history the simulator was built with, the moment {@code build()} finished. Empty for an id not
     * (yet) served, e.g. a live event still being indexed. A route's delivery latency is the time it received
     * the event minus this instant (on the same clock: mind {@link Builder#clockOffset(Duration)}).
     */
    public Optional<Instant> visibleAt(String id) {
        return served.visibilityOf(Objects.requireNonNull(id, "id")).map(VisibilityLog.Visibility::visibleAt);
    }

    /** The simulator's "now": the builder's clock shifted by {@link Builder#clockOffset(Duration)}. */
    public Instant serverTime() {
        return serverClock.instant();
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

    /** Configures a simulator; every setting has a default, so {@code builder().build()} is a working org. */
    public static final class Builder {

        /** The indexing delay of {@link #live(double)}: uniform between 0 and 20 s. */
        public static final IndexingDelay DEFAULT_INDEXING_DELAY = IndexingDelay.uniform(Duration.ZERO, Duration.ofSeconds(20));

        private long seed = 42L;
        /** The settings of the events the simulator starts with. */
        private final InitialHistory history = new InitialHistory();
        private String token = "xoxp-simulator";
        private int rateLimitPerMinute;
        private boolean unauthorizedBody = true;
        private final Map<String, TokenPolicy.TokenError> tokenErrors = new LinkedHashMap<>();
        private FaultPlan faults = FaultPlan.none();
        private int port;
        private SSLContext tls;
        private Clock clock = Clock.systemUTC();
        private Duration clockOffset = Duration.ZERO;
        private Duration dateHeaderOffset = Duration.ZERO;
        private Duration cursorTtl = Duration.ofMinutes(10);
        private double liveRate;
        private IndexingDelay indexingDelay = DEFAULT_INDEXING_DELAY;
        private boolean strictRange;
        private boolean compactStorage;

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
            history.events = events;
            return this;
        }

        /** The range (inclusive) of the synthetic events' {@code date_create}; default the 24 h ending 2 minutes before {@link #build()} (server clock). */
        public Builder timeSpan(Instant from, Instant to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("timeSpan from " + from + " is after to " + to);
            }
            history.from = from;
            history.to = to;
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
            entryJson.forEach(json -> history.entries.add(Objects.requireNonNull(json, "entry")));
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

        /**
         * Shifts the simulator's notion of "now" by {@code offset} from {@link #clock(Clock)}: negative runs behind the
         * machine, positive ahead, as Slack's servers may. Everything time-related follows it: every response's
         * {@code Date} header, the rate-limit window, cursor expiry, the request log's times, the default history's
         * end, live events' {@code date_create} and {@link #strictRange(boolean)} (default zero).
         */
        public Builder clockOffset(Duration offset) {
            this.clockOffset = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /**
         * Shifts the {@code Date} header of every response by {@code offset} from the server clock, and nothing else:
         * the server clock, which judges {@link #strictRange(boolean)}, stays where {@link #clockOffset(Duration)} puts
         * it. A fault simulation, not Slack's documented behaviour: a proxy or an edge server in front of the API, with
         * a clock of its own, stamping its time into {@code Date}. {@code clockOffset(-90 s)} with
         * {@code dateHeaderOffset(90 s)} is an API 90 s behind the machine behind a {@code Date} on the machine's time
         * (default zero).
         */
        public Builder dateHeaderOffset(Duration offset) {
            this.dateHeaderOffset = Objects.requireNonNull(offset, "offset");
            return this;
        }

        /** {@link #live(double, IndexingDelay)} with {@link #DEFAULT_INDEXING_DELAY} (0 to 20 s). */
        public Builder live(double ratePerSecond) {
            return live(ratePerSecond, DEFAULT_INDEXING_DELAY);
        }

        /**
         * Live mode: from {@code start()}, events happen at {@code ratePerSecond} on average (a Poisson stream, the same
         * for the same seed), each with {@code date_create} = the server-clock second it happened, and each visible in
         * {@code /logs} only once its indexing delay (drawn from {@code delay}) has passed; see
         * {@link SlackAuditLogsSimulator#visibleAt(String)}. Live events join the history; off by default.
         */
        public Builder live(double ratePerSecond, IndexingDelay delay) {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("the live rate must be a positive number of events per second: " + ratePerSecond);
            }
            this.liveRate = ratePerSecond;
            this.indexingDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Whether {@code /logs} refuses, as Slack documents, an {@code oldest} or {@code latest} in the server's future
         * or before March 2018 with {@code 400 {"ok":false,"error":"invalid_range"}} (default {@code false}: any
         * non-negative second is taken, which keeps tests that ask for {@code oldest=0} working).
         */
        public Builder strictRange(boolean strictRange) {
            this.strictRange = strictRange;
            return this;
        }

        /**
         * A ready-made history ending 2 minutes before {@link #build()} on the server clock; it replaces
         * {@link #events(int)} and {@link #timeSpan(Instant, Instant)}, and adds to {@link #burst} and
         * {@link #tiedSecond}.
         */
        public Builder shape(HistoryShape shape) {
            history.shape = Objects.requireNonNull(shape, "shape");
            history.shapeEnd = null;
            return this;
        }

        /** Like {@link #shape(HistoryShape)}, with the history ending at {@code end} (inclusive). */
        public Builder shape(HistoryShape shape, Instant end) {
            history.shape = Objects.requireNonNull(shape, "shape");
            history.shapeEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /**
         * Adds {@code count} synthetic events with {@code date_create} in {@code [from, from + within)}, on top of the
         * rest of the history: a sync job or a bulk import. May be called repeatedly.
         */
        public Builder burst(int count, Instant from, Duration within) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(within, "within");
            if (within.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("a burst lasts at least a second, got " + within);
            }
            history.batches.add(InitialHistory.Batch.within(count, from, within));
            return this;
        }

        /**
         * Adds {@code count} synthetic events all with the {@code date_create} of {@code at}'s second: more than
         * {@code limit} (up to 9999) events recorded at one instant, which Slack returns in one page that exceeds
         * {@code limit} (docs/slack-api.md, Reading /logs).
         */
        public Builder tiedSecond(int count, Instant at) {
            Objects.requireNonNull(at, "at");
            Instant second = Instant.ofEpochSecond(at.getEpochSecond());
            history.batches.add(new InitialHistory.Batch(count, second, second));
            return this;
        }

        /**
         * Whether synthetic events keep only their place (about 40 bytes each) and render their JSON each time they are
         * served, instead of holding it rendered (about 800 bytes each; the default). Pages are byte-identical either
         * way. Meant for histories of millions of events ({@link HistoryShape#HEAVY}): building is several times
         * faster and the heap several times smaller, but every entry served costs a render, and an {@code entity}
         * filter renders every entry it scans.
         */
        public Builder compactStorage(boolean compactStorage) {
            this.compactStorage = compactStorage;
            return this;
        }

        /** Generates the org and its events (this is where the time goes for big orgs); does not bind a port yet. */
        public SlackAuditLogsSimulator build() {
            return new SlackAuditLogsSimulator(this);
        }
    }
}
