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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Injected failures on /logs, one kind per test, and how a plan orders them. */
class FaultsTest {

    private SlackAuditLogsSimulator simulator;
    private ApiClient client;

    private void start(FaultPlan plan) {
        simulator = SlackAuditLogsSimulator.builder().events(200).faults(plan).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void status500HasAShortHtmlBody() {
        start(FaultPlan.none().next(Fault.status(500)));

        HttpResponse<String> response = client.logs("");

        assertEquals(500, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("500 Internal Server Error"));
    }

    @Test
    void status502HasAGatewayHtmlBody() {
        start(FaultPlan.none().next(Fault.status(502)));

        HttpResponse<String> response = client.logs("");

        assertEquals(502, response.statusCode());
        assertTrue(response.body().startsWith("<html>"));
        assertTrue(response.body().contains("502 Bad Gateway"));
    }

    @Test
    void status503HasAnEmptyBody() {
        start(FaultPlan.none().next(Fault.status(503)));

        HttpResponse<String> response = client.logs("");

        assertEquals(503, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void resetDropsTheConnectionMidBody() {
        start(FaultPlan.none().next(Fault.reset()));

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> client.logs("limit=50"));

        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void slowOutlastsTheClientsTimeout() {
        start(FaultPlan.none().next(Fault.slow(Duration.ofSeconds(3))));

        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> client.send(client.request("/logs").header("Authorization", "Bearer xoxp-simulator")
                        .timeout(Duration.ofMillis(200))));

        assertInstanceOf(HttpTimeoutException.class, failure.getCause());
    }

    @Test
    void slowStillDeliversTheRealAnswerAfterTheDelay() {
        start(FaultPlan.none().next(Fault.slow(Duration.ofMillis(300))));
        long started = System.nanoTime();

        HttpResponse<String> response = client.logs("limit=5");

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
        assertEquals(200, response.statusCode());
        assertFalse(ApiClient.ids(response).isEmpty());
    }

    @Test
    void truncatedIsA200WithUnparseableJson() {
        start(FaultPlan.none().next(Fault.truncated()));

        HttpResponse<String> response = client.logs("limit=20");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"entries\":[{"));
        assertThrows(JsonProcessingException.class, () -> ApiClient.JSON.readTree(response.body()));
    }

    @Test
    void rateLimitedAnswers429WithTheGivenRetryAfter() {
        start(FaultPlan.none().next(Fault.rateLimited(7)));

        HttpResponse<String> response = client.logs("");

        assertEquals(429, response.statusCode());
        assertEquals("7", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"ok\":false,\"error\":\"ratelimited\"}", response.body());
    }

    @Test
    void queuedFaultsHitTheNextRequestsInOrder() {
        start(FaultPlan.none().next(Fault.status(503), Fault.rateLimited(1)));

        assertEquals(List.of(503, 429, 200, 200), statusesOf(4));
    }

    @Test
    void aPinnedFaultHitsExactlyThatRequest() {
        start(FaultPlan.none().onRequest(3, Fault.status(502)));

        assertEquals(List.of(200, 200, 502, 200), statusesOf(4));
    }

    @Test
    void aPinnedFaultTakesPrecedenceOverQueuedOnes() {
        start(FaultPlan.none().next(Fault.status(503)).onRequest(1, Fault.status(500)));

        assertEquals(List.of(500, 503, 200), statusesOf(3));
    }

    @Test
    void faultsAddedToTheLivePlanApplyToTheNextRequest() {
        start(FaultPlan.none());
        assertEquals(200, client.logs("").statusCode());

        simulator.faults().next(Fault.status(503));

        assertEquals(List.of(503, 200), statusesOf(2));
    }

    @Test
    void clearingThePlanRemovesPendingFaults() {
        start(FaultPlan.none().next(Fault.status(503)).onRequest(2, Fault.status(500)));

        simulator.faults().clear();

        assertEquals(List.of(200, 200), statusesOf(2));
    }

    @Test
    void randomFaultsAreReproducibleForTheSameSeed() {
        start(FaultPlan.none().random(7L, 0.3, Fault.status(500), Fault.status(503)));
        List<Integer> first = statusesOf(40);
        simulator.close();
        start(FaultPlan.none().random(7L, 0.3, Fault.status(500), Fault.status(503)));

        List<Integer> second = statusesOf(40);

        assertEquals(first, second);
        assertTrue(first.contains(200) && first.contains(500) && first.contains(503), first.toString());
    }

    @Test
    void randomFaultsDifferForAnotherSeed() {
        start(FaultPlan.none().random(7L, 0.3, Fault.status(500)));
        List<Integer> first = statusesOf(40);
        simulator.close();
        start(FaultPlan.none().random(8L, 0.3, Fault.status(500)));

        assertFalse(first.equals(statusesOf(40)));
    }

    @Test
    void schemasAndActionsAreNeverFaulted() {
        start(FaultPlan.none().next(Fault.status(503)));

        assertEquals(200, client.get("/schemas").statusCode());
        assertEquals(200, client.get("/actions").statusCode());
        assertEquals(503, client.logs("").statusCode());
    }

    private List<Integer> statusesOf(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.logs("limit=1").statusCode());
        }
        return statuses;
    }
}
