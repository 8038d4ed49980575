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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cursor paging as Slack does it: opaque Base64 cursors that carry the position only. */
class LogsPagingTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant TO = Instant.ofEpochSecond(1_700_000_600L);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SlackAuditLogsSimulator simulator;
    private ApiClient client;

    private void start(SlackAuditLogsSimulator.Builder builder) {
        simulator = builder.clock(clock).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aPageRunsPastLimitToFinishTheSecondAtItsEdge() {
        start(SlackAuditLogsSimulator.builder().events(0).entries(List.of(
                entry("c", 1000), entry("b", 1000), entry("a", 1000), entry("z", 999), entry("y", 999))));

        HttpResponse<String> first = client.logs("limit=2");

        assertEquals(List.of("c", "b", "a"), ApiClient.ids(first));
        HttpResponse<String> second = client.logs("limit=2&cursor=" + ApiClient.encode(ApiClient.nextCursor(first)));
        assertEquals(List.of("z", "y"), ApiClient.ids(second));
    }

    @Test
    void theLastPageHasAnEmptyCursor() {
        start(SlackAuditLogsSimulator.builder().events(0).entries(List.of(entry("b", 1000), entry("a", 999))));

        HttpResponse<String> page = client.logs("limit=5");

        assertEquals("", ApiClient.nextCursor(page));
    }

    @Test
    void anEmptyResultHasAnEmptyCursor() {
        start(SlackAuditLogsSimulator.builder().events(0));

        HttpResponse<String> page = client.logs("");

        assertEquals("{\"entries\":[],\"response_metadata\":{\"next_cursor\":\"\"}}", page.body());
    }

    @Test
    void aSuccessfulBodyHasNoOkField() {
        start(SlackAuditLogsSimulator.builder().events(50));

        JsonNode body = ApiClient.json(client.logs("limit=10").body());

        assertFalse(body.has("ok"));
        assertTrue(body.get("entries").isArray());
        assertTrue(body.get("response_metadata").has("next_cursor"));
    }

    @Test
    void pagingWithARepeatedOldestYieldsEveryIdInTheRangeExactlyOnce() {
        start(SlackAuditLogsSimulator.builder().events(3000).timeSpan(FROM, TO));
        long oldest = FROM.getEpochSecond() + 200;
        long latest = FROM.getEpochSecond() + 400;
        List<String> expected = simulator.eventJson().stream().map(ApiClient::json)
                .filter(e -> e.get("date_create").asLong() >= oldest && e.get("date_create").asLong() <= latest)
                .map(e -> e.get("id").asText()).collect(Collectors.toList());

        List<String> paged = ApiClient.ids(client.pageThrough("limit=37&oldest=" + oldest + "&latest=" + latest));

        assertEquals(expected, paged);
        assertEquals(paged.size(), new HashSet<>(paged).size());
    }

    @Test
    void theCursorIsPaddedBase64() {
        start(SlackAuditLogsSimulator.builder().events(500));

        String cursor = ApiClient.nextCursor(client.logs("limit=10"));

        assertTrue(cursor.matches("[A-Za-z0-9+/]+={1,2}"), cursor);
        Base64.getDecoder().decode(cursor);
    }

    @Test
    void theCursorDoesNotCarryOldestSoDroppingItPagesOnThroughHistory() {
        start(SlackAuditLogsSimulator.builder().events(3000).timeSpan(FROM, TO));
        long oldest = TO.getEpochSecond() - 60;

        HttpResponse<String> first = client.logs("limit=10&oldest=" + oldest);
        List<JsonNode> rest = client.pageThrough("limit=1000", ApiClient.nextCursor(first));

        assertTrue(rest.stream().anyMatch(e -> e.get("date_create").asLong() < oldest));
        assertEquals(simulator.oldestDateCreate(), rest.get(rest.size() - 1).get("date_create").asLong());
    }

    @Test
    void aGarbageCursorIsInvalidCursor() {
        start(SlackAuditLogsSimulator.builder().events(10));

        HttpResponse<String> response = client.logs("cursor=bm90IGEgY3Vyc29y");

        assertInvalidCursor(response);
    }

    @Test
    void aTamperedCursorIsInvalidCursor() {
        start(SlackAuditLogsSimulator.builder().events(500));
        String cursor = ApiClient.nextCursor(client.logs("limit=10"));
        char flipped = cursor.charAt(10) == 'A' ? 'B' : 'A';

        HttpResponse<String> response = client.logs("limit=10&cursor="
                                                    + ApiClient.encode(cursor.substring(0, 10) + flipped + cursor.substring(11)));

        assertInvalidCursor(response);
    }

    @Test
    void anInvalidatedCursorIsInvalidCursor() {
        start(SlackAuditLogsSimulator.builder().events(500));
        String cursor = ApiClient.nextCursor(client.logs("limit=10"));

        simulator.invalidateCursors();

        assertInvalidCursor(client.logs("limit=10&cursor=" + ApiClient.encode(cursor)));
    }

    @Test
    void cursorsIssuedAfterInvalidationWork() {
        start(SlackAuditLogsSimulator.builder().events(500));
        simulator.invalidateCursors();
        String cursor = ApiClient.nextCursor(client.logs("limit=10"));

        HttpResponse<String> response = client.logs("limit=10&cursor=" + ApiClient.encode(cursor));

        assertEquals(200, response.statusCode());
    }

    @Test
    void aCursorOlderThanItsTimeToLiveIsInvalidCursor() {
        start(SlackAuditLogsSimulator.builder().events(500).cursorTtl(Duration.ofMinutes(10)));
        String cursor = ApiClient.nextCursor(client.logs("limit=10"));

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertInvalidCursor(client.logs("limit=10&cursor=" + ApiClient.encode(cursor)));
    }

    @Test
    void aCursorWithinItsTimeToLiveWorks() {
        start(SlackAuditLogsSimulator.builder().events(500).cursorTtl(Duration.ofMinutes(10)));
        String cursor = ApiClient.nextCursor(client.logs("limit=10"));

        clock.advance(Duration.ofMinutes(9));

        assertEquals(200, client.logs("limit=10&cursor=" + ApiClient.encode(cursor)).statusCode());
    }

    private static void assertInvalidCursor(HttpResponse<String> response) {
        assertEquals(400, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"invalid_cursor\"}", response.body());
    }
}
