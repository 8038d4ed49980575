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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request log that lets tests assert what a client sent. */
class RequestLogTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SlackAuditLogsSimulator simulator;
    private ApiClient client;

    @BeforeEach
    void start() {
        simulator = SlackAuditLogsSimulator.builder().events(20).token("xoxp-secret-value").clock(clock).build().start();
        client = new ApiClient(simulator, "xoxp-secret-value");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void recordsTheDecodedQueryInTheOrderSent() {
        client.logs("oldest=1700000000&action=user_login%2Cuser_logout&cursor=abc%3D%3D&limit=5");

        RecordedRequest request = simulator.requests().get(0);

        assertEquals(List.of("oldest", "action", "cursor", "limit"), List.copyOf(request.query().keySet()));
        assertEquals("user_login,user_logout", request.param("action"));
        assertEquals("abc==", request.param("cursor"));
        assertNull(request.param("latest"));
    }

    @Test
    void recordsMethodPathStatusAndArrivalTime() {
        client.logs("limit=1");

        RecordedRequest request = simulator.requests().get(0);

        assertEquals("GET", request.method());
        assertEquals("/audit/v1/logs", request.path());
        assertEquals(200, request.status());
        assertEquals(clock.instant(), request.time());
    }

    @Test
    void redactsTheTokenButKeepsTheScheme() {
        client.logs("");

        RecordedRequest request = simulator.requests().get(0);

        assertEquals("Bearer <redacted>", request.headers().get("authorization"));
        assertFalse(request.toString().contains("xoxp-secret-value"));
    }

    @Test
    void headerNamesAreLowerCase() {
        client.logs("");

        Map<String, String> headers = simulator.requests().get(0).headers();

        assertEquals("application/json", headers.get("accept"));
        assertTrue(headers.keySet().stream().allMatch(name -> name.equals(name.toLowerCase())));
    }

    @Test
    void marksWhetherTheRequestCarriedTheAcceptedToken() {
        client.logs("");
        new ApiClient(simulator, "xoxp-wrong").logs("");
        client.get("/schemas");

        List<RecordedRequest> requests = simulator.requests();

        assertTrue(requests.get(0).authorized());
        assertFalse(requests.get(1).authorized());
        assertEquals(401, requests.get(1).status());
        assertFalse(requests.get(2).authorized());
    }

    @Test
    void keepsArrivalOrderAcrossEndpoints() {
        client.get("/schemas");
        client.logs("");
        client.get("/actions");

        List<String> paths = simulator.requests().stream().map(RecordedRequest::path).toList();

        assertEquals(List.of("/audit/v1/schemas", "/audit/v1/logs", "/audit/v1/actions"), paths);
    }

    @Test
    void clearRequestsEmptiesTheLog() {
        client.logs("");

        simulator.clearRequests();

        assertTrue(simulator.requests().isEmpty());
    }
}
