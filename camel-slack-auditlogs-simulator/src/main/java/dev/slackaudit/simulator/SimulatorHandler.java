package dev.slackaudit.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves one exchange through the layers a request to Slack passes: the network's faults ({@link FaultPlan},
 * on {@code /logs} only), the organisation-wide rate limit, then the {@link AuditApi}. The answer is logged
 * before it is written, so a test sees a slow or dropped response in {@link RequestLog} right away.
 */
final class SimulatorHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SimulatorHandler.class.getName());

    private final AuditApi api;
    private final TokenPolicy tokens;
    private final RateLimiter rateLimiter;
    private final FaultPlan faults;
    private final RequestLog log;
    private final Clock clock;
    private int logsRequests;

    SimulatorHandler(AuditApi api, TokenPolicy tokens, RateLimiter rateLimiter, FaultPlan faults, RequestLog log,
                     Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        long sequence;
        int logsNumber;
        // the place in the request log and the /logs number that faults are pinned to are taken together, so that
        // the n-th /logs request of requests() is the one that met fault n even when requests arrive concurrently
        synchronized (this) {
            sequence = log.arrive();
            logsNumber = path.equals(AuditApi.LOGS) ? ++logsRequests : 0;
        }
        Instant arrival = clock.instant();
        try {
            String method = exchange.getRequestMethod();
            Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");

            Reply reply = answer(method, path, query, authorization, logsNumber);

            log.record(sequence, new RecordedRequest(method, path, query, headersOf(exchange),
                    tokens.accepts(authorization), reply.status(), arrival));
            ReplyWriter.write(exchange, reply);
        } catch (InterruptedException stopping) {
            // close() interrupts a slow reply; give up on it without a stack trace.
            Thread.currentThread().interrupt();
        } catch (RuntimeException bug) {
            // The JDK server would only drop the connection and log at TRACE; make a simulator bug visible.
            LOG.log(System.Logger.Level.ERROR, "simulator failed on " + exchange.getRequestURI(), bug);
            throw bug;
        } finally {
            exchange.close();
        }
    }

    private Reply answer(String method, String path, Map<String, String> query, String authorization, int logsNumber) {
        Supplier<Reply> api = () -> rateLimitedOrAnswered(method, path, query, authorization);
        if (logsNumber == 0) {
            return api.get();
        }
        return faults.faultFor(logsNumber).map(fault -> fault.apply(api)).orElseGet(api);
    }

    private Reply rateLimitedOrAnswered(String method, String path, Map<String, String> query, String authorization) {
        OptionalLong retryAfter = rateLimiter.acquire();
        if (retryAfter.isPresent()) {
            return Reply.rateLimited(retryAfter.getAsLong());
        }
        return api.answer(method, path, query, authorization);
    }

    private static Map<String, String> headersOf(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = String.join(",", header.getValue());
            headers.put(name, name.equals("authorization") ? redacted(value) : value);
        }
        return headers;
    }

    /** Keeps the scheme (a test may assert "Bearer") and drops the credential. */
    private static String redacted(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? "<redacted>" : authorization.substring(0, space) + " <redacted>";
    }
}
