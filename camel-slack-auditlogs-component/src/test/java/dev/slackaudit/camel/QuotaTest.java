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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quota goal (docs/architecture.md, The window): with default options, a backfill costs at most 1.1 times the pages one cursor loop needs
 * over the same range, plus 2, on every shape of history; and a poll in steady state costs one request. Requests are
 * counted in the simulator's request log; the cursor loop they are compared with is run against the same simulator.
 */
class QuotaTest {

    private static final String TOKEN = "xoxp-quota-test";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String shape;

    @BeforeEach
    void nameTheShape(TestInfo test) {
        shape = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("?");
    }

    @Test
    void aQuietOrgOf2000EventsOver3DaysCostsWhatOneCursorLoopCosts() throws Exception {
        assertBackfillNearTheMinimum(history(2_000, Duration.ofDays(3)), simulator -> { });
    }

    @Test
    void aTypicalOrgOf60000EventsOver30DaysCostsWhatOneCursorLoopCosts() throws Exception {
        assertBackfillNearTheMinimum(history(60_000, Duration.ofDays(30)), simulator -> { });
    }

    @Test
    void aQuietDayWithA100000EventBurstInTenMinutesCostsWhatOneCursorLoopCosts() throws Exception {
        Instant burst = now.minus(Duration.ofHours(9));
        assertBackfillNearTheMinimum(history(2_000, Duration.ofDays(1)),
                simulator -> simulator.addGeneratedEvents(100_000, burst, burst.plus(Duration.ofMinutes(10))));
    }

    @Test
    void aDayDenserThanOneWindowHoldsCostsWithinTenPercentOfOneCursorLoop() throws Exception {
        // the dense day of the benchmarks (1,000,000 events, windows of 500,000) scaled down for a unit test:
        // the first window overflows, keeps what it read, and sizes the rest from the density
        assertBackfillNearTheMinimum(history(300_000, Duration.ofDays(1)), simulator -> { }, "maxEventsPerWindow=100000");
    }

    @Test
    void aSingleSecondOfMoreThan9999EventsIsReadWholeAtTheMinimumCost() throws Exception {
        Instant tied = now.minus(Duration.ofHours(2));
        assertBackfillNearTheMinimum(history(5_000, Duration.ofDays(1)),
                simulator -> simulator.addGeneratedEvents(15_000, tied, tied));
    }

    @Test
    void aPollInSteadyStateCostsOneRequest() throws Exception {
        try (SlackAuditLogsSimulator simulator = history(500, Duration.ofHours(2)).build().start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            Set<String> delivered = ConcurrentHashMap.newKeySet();
            context.addRoutes(route(simulator, "delay=300", delivered));
            context.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> delivered.size() == simulator.eventCount());
            simulator.clearRequests();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();
            long requestsBefore = consumer.getRequests();
            await().atMost(Duration.ofMinutes(1)).until(() -> consumer.getRequests() >= requestsBefore + 5);
            context.getRouteController().stopRoute("audit");
            // each poll reads the overlap and the new seconds, a few events: one page, one request
            long requests = simulator.requests().stream().filter(r -> r.path().endsWith("/logs")).count();
            simulator.requests().stream().filter(r -> r.path().endsWith("/logs"))
                    .forEach(r -> assertEquals(null, r.param("cursor"), "a poll needed a second page"));
            assertTrue(requests >= 5, "polls went on: " + requests);
        }
    }

    private SlackAuditLogsSimulator.Builder history(int events, Duration span) {
        return SlackAuditLogsSimulator.builder().token(TOKEN).seed(events).events(events)
                .timeSpan(now.minus(span), now.minus(Duration.ofMinutes(1)));
    }

    private void assertBackfillNearTheMinimum(SlackAuditLogsSimulator.Builder builder,
                                              Consumer<SlackAuditLogsSimulator> shape) throws Exception {
        assertBackfillNearTheMinimum(builder, shape, "");
    }

    private void assertBackfillNearTheMinimum(SlackAuditLogsSimulator.Builder builder,
                                              Consumer<SlackAuditLogsSimulator> shape, String options) throws Exception {
        try (SlackAuditLogsSimulator simulator = builder.build().start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            shape.accept(simulator);
            int cursorLoop = cursorLoopPages(simulator, simulator.oldestDateCreate(), now.getEpochSecond());
            simulator.clearRequests();
            Set<String> delivered = ConcurrentHashMap.newKeySet();
            context.addRoutes(route(simulator, options, delivered));
            context.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> delivered.size() >= simulator.eventCount());
            context.getRouteController().stopRoute("audit");

            long requests = simulator.requests().stream().filter(r -> r.path().endsWith("/logs")).count();
            System.out.printf("%s: %,d events, %d requests, one cursor loop %d pages%n",
                    shape, simulator.eventCount(), requests,
                    cursorLoop);
            assertEquals(new HashSet<>(simulator.eventIds()), delivered, "every event, once");
            assertTrue(requests <= 1.1 * cursorLoop + 2, requests + " requests for " + cursorLoop + " pages");
        }
    }

    /** A route with the default options but for no pacing (the test's clock is not Slack's quota). */
    private RouteBuilder route(SlackAuditLogsSimulator simulator, String options, Set<String> delivered) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                     + simulator.oldestDateCreate() + "&initialDelay=0&maxRequestsPerMinute=0"
                     + (options.isEmpty() ? "" : "&" + options))
                        .routeId("audit")
                        .process(exchange -> assertTrue(delivered.add(
                                exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class)),
                                "delivered twice"));
            }
        };
    }

    /** The pages one cursor loop over {@code [oldest, latest]} needs: the minimum any collector can pay. */
    static int cursorLoopPages(SlackAuditLogsSimulator simulator, long oldest, long latest)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        int pages = 0;
        String cursor = "";
        do {
            URI uri = URI.create(simulator.baseUrl() + "/logs?limit=9999&oldest=" + oldest + "&latest=" + latest
                                 + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            JsonNode body = MAPPER.readTree(response.body());
            cursor = body.path("response_metadata").path("next_cursor").asText("");
            pages++;
        } while (!cursor.isEmpty());
        return pages;
    }
}
