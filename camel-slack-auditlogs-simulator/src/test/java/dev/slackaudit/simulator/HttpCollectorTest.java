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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The collector at the other end of a route: it keeps what it accepts, and can refuse the first posts. */
class HttpCollectorTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(HttpCollector collector, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(collector.root() + path)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keepsEveryAcceptedPostWithItsPathAndContentType() throws Exception {
        try (HttpCollector collector = HttpCollector.start()) {
            assertEquals(200, post(collector, "/events", "first").statusCode());
            assertEquals(200, post(collector, "/services/collector/raw", "second").statusCode());
            assertEquals(List.of(new HttpCollector.Post("/events", "text/plain", "first"),
                                 new HttpCollector.Post("/services/collector/raw", "text/plain", "second")),
                         collector.accepted());
            assertEquals(List.of("first", "second"), collector.bodies());
        }
    }

    @Test
    void refusesTheFirstPostsAsItWasToldThenAcceptsTheRest() throws Exception {
        try (HttpCollector collector = HttpCollector.refusingFirst(1, 503, "{\"text\":\"Server busy\"}")) {
            HttpResponse<String> refusal = post(collector, "/", "batch");
            assertEquals(503, refusal.statusCode());
            assertEquals("{\"text\":\"Server busy\"}", refusal.body());
            assertEquals(200, post(collector, "/", "batch").statusCode());
            assertEquals(List.of("batch"), collector.refused());
            assertEquals(List.of("batch"), collector.bodies());
        }
    }
}
