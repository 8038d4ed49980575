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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When each event became visible, for latency measurements: visibleAt(id) and GET /_simulator/visibility. */
class VisibilityTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private SlackAuditLogsSimulator simulator;
    private ApiClient client;

    @BeforeEach
    void start() {
        simulator = SlackAuditLogsSimulator.builder().events(100).live(2, IndexingDelay.fixed(Duration.ofSeconds(5)))
                .rateLimitPerMinute(1).clock(clock).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aHistoryEventIsVisibleSinceBuild() {
        String historic = simulator.eventIds().get(0);

        assertEquals(Optional.of(START), simulator.visibleAt(historic));
    }

    @Test
    void anAddedEventIsVisibleFromItsAddition() {
        clock.advance(Duration.ofSeconds(42));

        List<String> added = simulator.addGeneratedEvents(3, START.minusSeconds(600), START.minusSeconds(500));

        assertEquals(Optional.of(START.plusSeconds(42)), simulator.visibleAt(added.get(2)));
    }

    @Test
    void aLiveEventIsVisibleAtItsArrivalPlusItsDelay() {
        clock.advance(Duration.ofSeconds(60));
        JsonNode newest = ApiClient.json(simulator.eventJson().get(0));

        Instant visibleAt = simulator.visibleAt(newest.get("id").asText()).orElseThrow();

        assertEquals(newest.get("date_create").asLong(), visibleAt.minusSeconds(5).getEpochSecond());
    }

    @Test
    void anUnknownIdHasNoVisibility() {
        assertEquals(Optional.empty(), simulator.visibleAt("not-an-event"));
    }

    @Test
    void theEndpointListsLiveEventsWithTheirVisibility() {
        clock.advance(Duration.ofSeconds(60));

        JsonNode listed = ApiClient.json(client.getFromRoot("/_simulator/visibility").body()).get("visibility");

        assertTrue(listed.size() > 0);
        for (JsonNode event : listed) {
            Instant visibleAt = simulator.visibleAt(event.get("id").asText()).orElseThrow();
            assertEquals(visibleAt.toString(), event.get("visible_at").asText());
            assertEquals(visibleAt.toEpochMilli(), event.get("visible_at_ms").asLong());
            assertEquals(visibleAt.minusSeconds(5).getEpochSecond(), event.get("date_create").asLong());
        }
    }

    @Test
    void theEndpointListsOnlyWhatBecameVisibleSinceTheGivenInstant() {
        clock.advance(Duration.ofSeconds(60));
        Instant since = START.plusSeconds(40);

        JsonNode listed = ApiClient.json(client.getFromRoot("/_simulator/visibility?since=" + since.toEpochMilli()).body())
                .get("visibility");

        assertTrue(listed.size() > 0);
        listed.forEach(event -> assertTrue(event.get("visible_at_ms").asLong() >= since.toEpochMilli()));
    }

    @Test
    void theEndpointAnswersForOneId() {
        String historic = simulator.eventIds().get(3);

        JsonNode listed = ApiClient.json(client.getFromRoot("/_simulator/visibility?id=" + historic).body()).get("visibility");

        assertEquals(1, listed.size());
        assertEquals(START.toString(), listed.get(0).get("visible_at").asText());
    }

    @Test
    void theEndpointAnswers404ForAnUnknownId() {
        HttpResponse<String> response = client.getFromRoot("/_simulator/visibility?id=nope");

        assertEquals(404, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"unknown_id\"}", response.body());
    }

    @Test
    void theEndpointIsNeitherLoggedNorRateLimited() {
        client.getFromRoot("/_simulator/visibility");
        client.getFromRoot("/_simulator/visibility");

        assertEquals(200, client.logs("").statusCode());
        assertEquals(List.of("/audit/v1/logs"), simulator.requests().stream().map(RecordedRequest::path).toList());
    }
}
