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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data added while the simulator runs: late-indexed events and verbatim entries. */
class DataChangesTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant TO = Instant.ofEpochSecond(1_700_086_400L);

    private SlackAuditLogsSimulator simulator;
    private ApiClient client;

    @BeforeEach
    void start() {
        simulator = SlackAuditLogsSimulator.builder().events(1000).timeSpan(FROM, TO).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void lateEventsBecomeVisibleAtTheirPlaceInTime() {
        long from = FROM.getEpochSecond() + 1000;
        long to = FROM.getEpochSecond() + 2000;
        client.pageThrough("limit=500");

        List<String> added = simulator.addGeneratedEvents(25, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));

        List<JsonNode> window = client.pageThrough("limit=500&oldest=" + from + "&latest=" + to);
        assertTrue(ApiClient.ids(window).containsAll(added));
        List<JsonNode> everything = client.pageThrough("limit=500");
        assertEquals(simulator.eventIds(), ApiClient.ids(everything));
        assertEquals(1025, everything.size());
    }

    @Test
    void lateEventsLieInTheirTimeSpan() {
        long from = FROM.getEpochSecond() + 1000;
        long to = FROM.getEpochSecond() + 1010;

        List<String> added = simulator.addGeneratedEvents(40, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));

        List<JsonNode> addedEntries = simulator.eventJson().stream().map(ApiClient::json)
                .filter(e -> added.contains(e.get("id").asText())).collect(Collectors.toList());
        assertEquals(40, addedEntries.size());
        assertTrue(addedEntries.stream().allMatch(e -> e.get("date_create").asLong() >= from && e.get("date_create").asLong() <= to));
    }

    @Test
    void lateEventsGetFreshIds() {
        List<String> added = simulator.addGeneratedEvents(500, FROM, TO);

        assertEquals(1500, new HashSet<>(simulator.eventIds()).size());
        assertEquals(500, new HashSet<>(added).size());
    }

    @Test
    void entriesAddedAtRuntimeAreServed() {
        simulator.addEntries(entry("runtime-1", FROM.getEpochSecond() - 10));

        List<String> ids = ApiClient.ids(client.logs("latest=" + (FROM.getEpochSecond() - 1)));

        assertEquals(List.of("runtime-1"), ids);
    }

    @Test
    void oldestAndNewestDateCreateTrackTheServedEntries() {
        simulator.addEntries(entry("older", FROM.getEpochSecond() - 10), entry("newer", TO.getEpochSecond() + 10));

        assertEquals(FROM.getEpochSecond() - 10, simulator.oldestDateCreate());
        assertEquals(TO.getEpochSecond() + 10, simulator.newestDateCreate());
        assertEquals(1002, simulator.eventCount());
    }
}
