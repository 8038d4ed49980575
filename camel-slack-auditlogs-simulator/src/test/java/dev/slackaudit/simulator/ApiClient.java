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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain JDK HTTP client for the simulator, as any Slack client would talk to it: real HTTP on loopback. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    ApiClient(SlackAuditLogsSimulator simulator, String token) {
        this.baseUrl = simulator.baseUrl();
        this.token = token;
    }

    /** {@code GET /logs?<query>} with the client's token; {@code query} is sent as written. */
    HttpResponse<String> logs(String query) {
        return send(request("/logs" + (query.isEmpty() ? "" : "?" + query)).header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery));
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery) {
        try {
            return http.send(request(pathAndQuery).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET} of a path outside {@code /audit/v1}, e.g. the simulator's own {@code /_simulator/visibility}. */
    HttpResponse<String> getFromRoot(String pathAndQuery) {
        String root = baseUrl.substring(0, baseUrl.length() - "/audit/v1".length());
        return send(HttpRequest.newBuilder(URI.create(root + pathAndQuery)));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("Accept", "application/json");
    }

    /**
     * Follows {@code next_cursor} to the end, repeating {@code query} on every page as Slack requires.
     *
     * @return every entry of every page, in the order served
     */
    List<JsonNode> pageThrough(String query) {
        return pageThrough(query, "");
    }

    /** Like {@link #pageThrough(String)}, starting from {@code cursor} ({@code ""} for the first page). */
    List<JsonNode> pageThrough(String query, String startCursor) {
        List<JsonNode> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = startCursor;
        do {
            HttpResponse<String> page = logs(query + (cursor.isEmpty() ? "" : "&cursor=" + encode(cursor)));
            if (page.statusCode() != 200) {
                throw new AssertionError("page failed: " + page.statusCode() + " " + page.body());
            }
            JsonNode body = json(page.body());
            for (JsonNode entry : body.get("entries")) {
                // Fail fast instead of paging forever when a cursor leads back to entries already served.
                if (!seen.add(entry.path("id").asText())) {
                    throw new AssertionError("entry served twice while paging: " + entry.path("id").asText());
                }
                entries.add(entry);
            }
            cursor = body.get("response_metadata").get("next_cursor").asText();
        } while (!cursor.isEmpty());
        return entries;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    static List<String> ids(HttpResponse<String> page) {
        return ids(json(page.body()).get("entries"));
    }

    static List<String> ids(Iterable<JsonNode> entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    static String nextCursor(HttpResponse<String> page) {
        return json(page.body()).get("response_metadata").get("next_cursor").asText();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
