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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves one exchange through the layers a request to Slack passes: the network's faults ({@link FaultPlan},
 * on {@code /logs} only), the organisation-wide rate limit, then the {@link AuditApi}. The answer is logged
 * before it is written, so a test sees a slow or dropped response in {@link RequestLog} right away.
 */
final class SimulatorHandler implements Function<IncomingRequest, Reply> {

    private final AuditApi api;
    private final TokenPolicy tokens;
    private final RateLimiter rateLimiter;
    private final FaultPlan faults;
    private final RequestLog log;
    private int logsRequests;

    SimulatorHandler(AuditApi api, TokenPolicy tokens, RateLimiter rateLimiter, FaultPlan faults, RequestLog log) {
        this.api = api;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public Reply apply(IncomingRequest request) {
        String path = request.path();
        long sequence;
        int logsNumber;
        // the place in the request log and the /logs number that faults are pinned to are taken together, so that
        // the n-th /logs request of requests() is the one that met fault n even when requests arrive concurrently
        synchronized (this) {
            sequence = log.arrive();
            logsNumber = path.equals(AuditApi.LOGS) ? ++logsRequests : 0;
        }
        Instant arrival = request.arrival();
        String method = request.method();
        Map<String, String> query = QueryString.parse(request.rawQuery());
        String authorization = request.header("authorization");

        Reply reply = answer(method, path, query, authorization, logsNumber);

        log.record(sequence, new RecordedRequest(method, path, query, headersOf(request),
                tokens.accepts(authorization), reply.status(), arrival));
        return reply;
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

    private static Map<String, String> headersOf(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
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
