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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Authentication on /logs, the unauthenticated /schemas and /actions, and requests that match no endpoint. */
class EndpointsAndAuthTest {

    /** SHA-256 of java-slack-sdk's json-logs/raw/audit/v1/actions.json and schemas.json, the real captures. */
    private static final String ACTIONS_SHA256 = "60d3b4e86ef48cc2eed97744abd7ddcaf4a9be607bbcc29306875dc691b968d0";
    private static final String SCHEMAS_SHA256 = "2444b3d8d385b429ac556b2cf265aaeb29a146b873ca8b4e4f4d15e48ae0620a";

    private SlackAuditLogsSimulator simulator;

    private ApiClient start(SlackAuditLogsSimulator.Builder builder, String clientToken) {
        simulator = builder.events(20).build().start();
        return new ApiClient(simulator, clientToken);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theConfiguredTokenReadsLogs() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().token("xoxp-right"), "xoxp-right");

        assertEquals(200, client.logs("").statusCode());
    }

    @Test
    void aWrongTokenGets401InvalidAuthentication() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().token("xoxp-right"), "xoxp-wrong");

        HttpResponse<String> response = client.logs("");

        assertEquals(401, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"invalid_authentication\"}", response.body());
    }

    @Test
    void aMissingAuthorizationHeaderGets401MissingAuthentication() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "unused");

        HttpResponse<String> response = client.get("/logs");

        assertEquals(401, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"missing_authentication\"}", response.body());
    }

    @Test
    void aNonBearerAuthorizationGets401MissingAuthentication() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "unused");

        HttpResponse<String> response = client.send(client.request("/logs").header("Authorization", "Basic eG94cDpzaW11bGF0b3I="));

        assertEquals(401, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"missing_authentication\"}", response.body());
    }

    @Test
    void a401CanComeWithoutBodyAsSlackHasBeenSeenToSend() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().unauthorizedBody(false), "xoxp-wrong");

        HttpResponse<String> response = client.logs("");

        assertEquals(401, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void aTokenErrorTokenGetsItsStatusAndCode() {
        ApiClient client = start(SlackAuditLogsSimulator.builder().tokenError("xoxp-noscope", 403, "missing_scope"),
                "xoxp-noscope");

        HttpResponse<String> response = client.logs("");

        assertEquals(403, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"missing_scope\"}", response.body());
    }

    @Test
    void actionsIsTheRealCaptureByteForByteWithoutAuthentication() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "unused");

        HttpResponse<byte[]> response = client.getBytes("/actions");

        assertEquals(200, response.statusCode());
        assertEquals(ACTIONS_SHA256, sha256(response.body()));
        assertArrayEquals(bundled("actions.json"), response.body());
    }

    @Test
    void schemasIsTheRealCaptureByteForByteWithoutAuthentication() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "unused");

        HttpResponse<byte[]> response = client.getBytes("/schemas");

        assertEquals(200, response.statusCode());
        assertEquals(SCHEMAS_SHA256, sha256(response.body()));
        assertArrayEquals(bundled("schemas.json"), response.body());
    }

    @Test
    void successfulResponsesAreJson() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "xoxp-simulator");

        HttpResponse<String> response = client.logs("");

        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anUnknownPathIs404BadEndpoint() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "unused");

        HttpResponse<String> response = client.get("/log");

        assertEquals(404, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"bad_endpoint\"}", response.body());
    }

    @Test
    void aNonGetRequestIs405MethodNotAllowed() {
        ApiClient client = start(SlackAuditLogsSimulator.builder(), "unused");

        HttpResponse<String> response = client.send(client.request("/logs").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(405, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"method_not_allowed\"}", response.body());
    }

    private static byte[] bundled(String name) {
        try (InputStream in = SlackAuditLogsSimulator.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
