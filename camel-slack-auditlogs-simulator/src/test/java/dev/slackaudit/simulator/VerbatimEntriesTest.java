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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Entries given as JSON are served exactly as given, ordered among the synthetic ones. */
class VerbatimEntriesTest {

    /** Slack's documented public_channel_created entry with context.app and a null session_id, pretty-printed. */
    private static final String DOCS_ENTRY = Entries.resource("docs-entry-example-app-context.json");

    @Test
    void aVerbatimEntryIsServedByteExact() {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(100).entries(List.of(DOCS_ENTRY))
                .build().start()) {
            ApiClient client = new ApiClient(simulator, "xoxp-simulator");

            HttpResponse<String> page = client.logs("oldest=1650415188&latest=1650415188");

            assertEquals("{\"entries\":[" + DOCS_ENTRY + "],\"response_metadata\":{\"next_cursor\":\"\"}}", page.body());
        }
    }

    @Test
    void eventJsonReturnsAVerbatimEntryExactly() {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0).entries(List.of(DOCS_ENTRY)).build();

        assertEquals(List.of(DOCS_ENTRY), simulator.eventJson());
    }

    @Test
    void verbatimEntriesTakeTheirPlaceAmongSyntheticOnes() {
        Instant from = Instant.ofEpochSecond(1_700_000_000L);
        Instant to = Instant.ofEpochSecond(1_700_000_100L);
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(100).timeSpan(from, to)
                .entries(List.of(entry("newest", 1_700_000_101L), entry("oldest", 1_699_999_999L))).build();

        List<String> ids = simulator.eventIds();

        assertEquals("newest", ids.get(0));
        assertEquals("oldest", ids.get(ids.size() - 1));
    }

    @Test
    void aCapturedPayloadsEntriesCanBeServed() {
        String[] captured = ApiClient.json(Entries.resource("java-sdk-test-logs-new-value-object.json")).get("entries")
                .findParents("date_create").stream().map(Object::toString).toArray(String[]::new);
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0).build().start()) {
            simulator.addEntries(captured);

            HttpResponse<String> page = new ApiClient(simulator, "xoxp-simulator").logs("");

            assertEquals(Arrays.asList("989a4b83-f447-4cf9-b64c-8baa3731418d", "1b2c5e5e-1d1c-40fb-8f8f-31250574f131"),
                    ApiClient.ids(page));
        }
    }

    @Test
    void anEntryWithoutIdIsServed() {
        String withoutId = "{\"date_create\":1700000000,\"action\":\"user_login\"}";
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0).entries(List.of(withoutId))
                .build().start()) {

            HttpResponse<String> page = new ApiClient(simulator, "xoxp-simulator").logs("");

            assertTrue(page.body().contains(withoutId));
            assertEquals(Arrays.asList((String) null), simulator.eventIds());
        }
    }

    @Test
    void anEntryWithoutIntegerDateCreateIsRejected() {
        SlackAuditLogsSimulator.Builder builder = SlackAuditLogsSimulator.builder()
                .entries(List.of("{\"id\":\"x\",\"date_create\":\"1700000000\"}"));

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void anEntryThatIsNotAJsonObjectIsRejected() {
        SlackAuditLogsSimulator.Builder builder = SlackAuditLogsSimulator.builder().entries(List.of("[1,2]"));

        assertThrows(IllegalArgumentException.class, builder::build);
    }
}
