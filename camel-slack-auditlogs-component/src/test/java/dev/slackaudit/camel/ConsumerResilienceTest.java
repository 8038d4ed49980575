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
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the consumer does when Slack misbehaves: every fault the simulator can inject is retried or reported, and no
 * event is skipped because of it.
 */
class ConsumerResilienceTest extends SimulatorTestSupport {

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(11).events(400);
    }

    /**
     * Routes are added by each test, after it has planned its faults; every event is expected. {@code delay=60000}
     * leaves one poll to the test, so recovering within that poll is what passes it, not a later poll.
     */
    private void consume(String options) throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                deliver(from(logsUri("limit=50&windowSize=P2D" + (options.isEmpty() ? "" : "&" + options)))
                        .routeId("audit"));
            }
        });
    }

    /** Sends what the consumer emits to mock:events, one exchange per event. */
    protected void deliver(RouteDefinition route) {
        route.to("mock:events");
    }

    private void assertEveryEventDeliveredOnceInOrder() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertTrue(expectedIdsOldestFirst().equals(ids(events.getReceivedExchanges())), "every id once, oldest first");
    }

    private static final String ONE_POLL = "delay=60000";

    private List<Integer> statuses() {
        return logsRequests().stream().map(RecordedRequest::status).toList();
    }

    @Test
    void waitsExactlyRetryAfterOnHttp429() throws Exception {
        simulator.faults().next(Fault.rateLimited(1));
        consume(ONE_POLL);
        assertEveryEventDeliveredOnceInOrder();

        List<RecordedRequest> requests = logsRequests();
        assertEquals(429, requests.get(0).status());
        Duration waited = Duration.between(requests.get(0).time(), requests.get(1).time());
        assertFalse(waited.compareTo(Duration.ofSeconds(1)) < 0, "the retry came " + waited + " after the 429");
        // not a fallback wait of its own (30 s) either; generous, as the machine may be busy
        assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "the retry came " + waited + " after the 429");
        assertEquals(1, auditConsumer().getRateLimitedCount());
    }

    @Test
    void retriesHttp500WithAnHtmlBody() throws Exception {
        simulator.faults().next(Fault.status(500));
        consume(ONE_POLL);
        assertEveryEventDeliveredOnceInOrder();
        assertEquals(500, statuses().get(0));
        assertEquals(1, auditConsumer().getRetries());
    }

    @Test
    void retriesHttp502And503() throws Exception {
        simulator.faults().next(Fault.status(502), Fault.status(503), Fault.status(504));
        consume(ONE_POLL);
        assertEveryEventDeliveredOnceInOrder();
        assertEquals(List.of(502, 503, 504), statuses().subList(0, 3));
        assertEquals(3, auditConsumer().getRetries());
    }

    @Test
    void retriesAConnectionResetMidResponse() throws Exception {
        simulator.faults().next(Fault.reset());
        consume(ONE_POLL);
        assertEveryEventDeliveredOnceInOrder();
        assertTrue(auditConsumer().getRetries() >= 1, "the reset page was requested again");
    }

    @Test
    void retriesATruncatedJsonBody() throws Exception {
        simulator.faults().next(Fault.truncated());
        consume(ONE_POLL);
        assertEveryEventDeliveredOnceInOrder();
        assertTrue(auditConsumer().getRetries() >= 1, "the truncated page was retried");
    }

    @Test
    void retriesAResponseSlowerThanTheSocketTimeout() throws Exception {
        simulator.faults().next(Fault.slow(Duration.ofSeconds(3)));
        consume(ONE_POLL + "&socketTimeout=PT0.5S");
        assertEveryEventDeliveredOnceInOrder();
        assertTrue(auditConsumer().getRetries() >= 1, "the slow page was requested again");
    }

    @Test
    void sharesOneRetryBudgetBetweenStatusesAndUnreadableBodies() throws Exception {
        simulator.faults().next(Fault.status(503), Fault.truncated(), Fault.status(503), Fault.truncated());
        consume("maxRetries=2");
        assertEveryEventDeliveredOnceInOrder();
        // the first call spent its two retries on a 503 and a truncated body, then gave up: the next poll recovered
        assertEquals(List.of(503, 200, 503), statuses().subList(0, 3));
        assertTrue(auditConsumer().getLastErrorCode() != null);
    }

    @Test
    void reportsExhaustedRetriesAndDeliversEverythingAtTheNextPoll() throws Exception {
        simulator.faults().next(Fault.status(503), Fault.status(503));
        consume("maxRetries=1");
        assertEveryEventDeliveredOnceInOrder();

        assertEquals("HTTP 503", auditConsumer().getLastErrorCode());
        assertEquals(List.of(503, 503), statuses().subList(0, 2));
    }

    @Test
    void readsTheWindowAgainWhenSlackRejectsAStaleCursor() throws Exception {
        // cursors expire: one that waited out a Retry-After longer than its lifetime comes back invalid_cursor
        simulator.close();
        simulator = simulatorBuilder().cursorTtl(Duration.ofMillis(700)).build().start();
        simulator.faults().onRequest(2, Fault.rateLimited(1));
        consume(ONE_POLL);
        assertEveryEventDeliveredOnceInOrder();

        List<RecordedRequest> requests = logsRequests();
        assertEquals(429, requests.get(1).status());
        assertEquals(400, requests.get(2).status(), "the stale cursor was rejected");
        assertEquals(null, requests.get(3).param("cursor"), "the window was read again from its first page");
    }

    @Test
    void healthTurnsDownOnAnAuthenticationFailureAndUpAfterRecovery() throws Exception {
        simulator.faults().next(Fault.status(401));
        consume("");

        HealthCheck.Result down = await().atMost(Duration.ofSeconds(10))
                .until(this::consumerHealth, result -> result.getState() == HealthCheck.State.DOWN);
        assertEquals(401, down.getDetails().get("http.response.code"));
        assertTrue(down.getError().orElseThrow().getMessage().contains("invalid_authentication"),
                () -> down.getError().orElseThrow().getMessage());

        await().atMost(Duration.ofSeconds(10)).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
        assertEveryEventDeliveredOnceInOrder();
    }

    private HealthCheck.Result consumerHealth() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:audit"))
                .findFirst().orElseThrow();
    }
}
