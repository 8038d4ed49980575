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

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compact storage renders entries when served; it must serve exactly what pre-rendered storage serves. */
class CompactStorageTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant TO = Instant.ofEpochSecond(1_700_003_600L);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SlackAuditLogsSimulator rendered;
    private SlackAuditLogsSimulator compact;

    @BeforeEach
    void start() {
        rendered = builder().build().start();
        compact = builder().compactStorage(true).build().start();
    }

    private SlackAuditLogsSimulator.Builder builder() {
        return SlackAuditLogsSimulator.builder().seed(11).events(3000).timeSpan(FROM, TO).tiedSecond(300, FROM.plusSeconds(60))
                .clock(clock);
    }

    @AfterEach
    void stop() {
        rendered.close();
        compact.close();
    }

    private static String page(SlackAuditLogsSimulator simulator, String query) {
        return new ApiClient(simulator, "xoxp-simulator").logs(query).body();
    }

    @Test
    void everyEntryHasTheSameBytes() {
        assertEquals(rendered.eventJson(), compact.eventJson());
    }

    @Test
    void pagesAreTheSameBytes() {
        assertEquals(page(rendered, "limit=700"), page(compact, "limit=700"));
    }

    @Test
    void theSamePageIsTheSameOnEveryRequest() {
        assertEquals(page(compact, "limit=9999"), page(compact, "limit=9999"));
    }

    @Test
    void pagingThroughGivesTheSameEntriesInTheSameOrder() {
        List<String> expected = ApiClient.ids(new ApiClient(rendered, "xoxp-simulator").pageThrough("limit=333"));

        assertEquals(expected, ApiClient.ids(new ApiClient(compact, "xoxp-simulator").pageThrough("limit=333")));
    }

    @Test
    void theFiltersSelectTheSameEntries() {
        JsonNode sample = ApiClient.json(rendered.eventJson().get(10));
        String entity = sample.get("entity").get(sample.get("entity").get("type").asText()).get("id").asText();
        String query = "limit=9999&action=" + sample.get("action").asText() + "&actor=" + sample.get("actor").get("user").get("id").asText()
                       + "&entity=" + ApiClient.encode(entity);

        assertFalse(ApiClient.ids(new ApiClient(rendered, "xoxp-simulator").logs(query)).isEmpty());
        assertEquals(page(rendered, query), page(compact, query));
    }
}
