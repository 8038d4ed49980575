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

import static dev.slackaudit.simulator.Entries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /logs: order, the inclusive time range and the ANDed filters. */
class LogsFilteringTest {

    private static SlackAuditLogsSimulator simulator;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        simulator = SlackAuditLogsSimulator.builder()
                .events(2000)
                .timeSpan(Instant.ofEpochSecond(1_700_000_000L), Instant.ofEpochSecond(1_700_003_600L))
                .entries(List.of(
                        entry("f-1", 1_600_000_100L, "user_login", "WALICE", "WALICE"),
                        entry("f-2", 1_600_000_100L, "user_logout", "WALICE", "WALICE"),
                        entry("f-3", 1_600_000_100L, "user_login", "WBOB", "WBOB"),
                        entry("f-4", 1_600_000_100L, "role_change_to_admin", "WALICE", "WBOB"),
                        entry("f-5", 1_600_000_000L, "user_login", "WALICE", "WALICE")))
                .token("xoxp-test")
                .build().start();
        client = new ApiClient(simulator, "xoxp-test");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void entriesComeNewestFirst() {
        List<JsonNode> entries = client.pageThrough("limit=500");

        List<Long> seconds = new ArrayList<>();
        entries.forEach(e -> seconds.add(e.get("date_create").asLong()));
        List<Long> newestFirst = new ArrayList<>(seconds);
        newestFirst.sort(Comparator.reverseOrder());
        assertEquals(newestFirst, seconds);
        assertEquals(simulator.eventIds(), ApiClient.ids(entries));
    }

    @Test
    void oldestAndLatestAreInclusive() {
        HttpResponse<String> page = client.logs("oldest=1600000000&latest=1600000100&limit=100");

        assertEquals(List.of("f-4", "f-3", "f-2", "f-1", "f-5"), ApiClient.ids(page));
    }

    @Test
    void latestExcludesLaterSeconds() {
        HttpResponse<String> page = client.logs("oldest=1600000000&latest=1600000099");

        assertEquals(List.of("f-5"), ApiClient.ids(page));
    }

    @Test
    void actionFilterTakesACommaSeparatedList() {
        HttpResponse<String> page = client.logs("latest=1600000100&action=user_logout,role_change_to_admin");

        assertEquals(List.of("f-4", "f-2"), ApiClient.ids(page));
    }

    @Test
    void actorFilterMatchesTheActorUserId() {
        HttpResponse<String> page = client.logs("latest=1600000100&actor=WBOB");

        assertEquals(List.of("f-3"), ApiClient.ids(page));
    }

    @Test
    void entityFilterMatchesTheIdInsideTheTypeNamedObject() {
        HttpResponse<String> page = client.logs("latest=1600000100&entity=WBOB");

        assertEquals(List.of("f-4", "f-3"), ApiClient.ids(page));
    }

    @Test
    void filtersCombineWithAnd() {
        HttpResponse<String> page = client.logs("oldest=1600000100&latest=1600000100&action=user_login&actor=WALICE&entity=WALICE");

        assertEquals(List.of("f-1"), ApiClient.ids(page));
    }

    @Test
    void entityFilterFindsSyntheticChannels() {
        JsonNode channelEvent = simulator.eventJson().stream().map(ApiClient::json)
                .filter(e -> e.get("entity").get("type").asText().equals("channel")).findFirst().orElseThrow();
        String channelId = channelEvent.get("entity").get("channel").get("id").asText();

        List<JsonNode> entries = client.pageThrough("limit=1000&entity=" + channelId);

        assertFalse(entries.isEmpty());
        assertTrue(entries.stream().allMatch(e -> e.get("entity").get("channel").get("id").asText().equals(channelId)));
    }

    @Test
    void unknownParametersAreIgnored() {
        HttpResponse<String> page = client.logs("latest=1600000099&max_date_seen_so_far=123");

        assertEquals(List.of("f-5"), ApiClient.ids(page));
    }
}
