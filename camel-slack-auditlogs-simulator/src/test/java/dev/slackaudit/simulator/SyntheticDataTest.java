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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic org: deterministic, and as varied and awkward as real audit logs (docs/slack-api.md, The fields of an event). */
class SyntheticDataTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant TO = Instant.ofEpochSecond(1_700_086_400L);
    private static final Set<String> REFERENCE_ENTITY_TYPES = Set.of("user", "workspace", "enterprise", "channel", "file",
            "app", "message", "huddle", "role", "usergroup", "workflow", "barrier", "workflow_v2", "account_type_role",
            "list", "function", "external_auth_oauth2_token", "canvas", "template", "legal_hold_policy");

    private static List<JsonNode> entries;

    @BeforeAll
    static void generate() {
        entries = build(42L).eventJson().stream().map(ApiClient::json).collect(Collectors.toList());
    }

    private static SlackAuditLogsSimulator build(long seed) {
        return SlackAuditLogsSimulator.builder().seed(seed).events(10_000).timeSpan(FROM, TO).build();
    }

    @Test
    void theSameSeedGivesTheSameIdsAndJson() {
        SlackAuditLogsSimulator again = build(42L);

        assertEquals(entries.stream().map(JsonNode::toString).collect(Collectors.toList()),
                again.eventJson().stream().map(ApiClient::json).map(JsonNode::toString).collect(Collectors.toList()));
    }

    @Test
    void anotherSeedGivesAnotherOrg() {
        SlackAuditLogsSimulator other = build(43L);

        assertNotEquals(ids(entries), other.eventIds());
    }

    @Test
    void theBuilderDefaultsToAThousandEventsInThe24HoursEndingTwoMinutesBeforeBuild() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().clock(new MutableClock(now)).build();

        assertEquals(1000, simulator.eventCount());
        assertTrue(simulator.newestDateCreate() <= now.minus(Duration.ofMinutes(2)).getEpochSecond());
        assertTrue(simulator.oldestDateCreate() >= now.minus(Duration.ofMinutes(2)).minus(Duration.ofHours(24)).getEpochSecond());
    }

    @Test
    void idsAreUniqueAndUuidLike() {
        List<String> ids = ids(entries);

        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertTrue(ids.stream().allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")));
    }

    @Test
    void dateCreateLiesInTheTimeSpan() {
        assertTrue(entries.stream().map(e -> e.get("date_create").asLong())
                .allMatch(s -> s >= FROM.getEpochSecond() && s <= TO.getEpochSecond()));
    }

    @Test
    void manyEventsShareASecond() {
        Map<Long, Long> perSecond = entries.stream().collect(Collectors.groupingBy(e -> e.get("date_create").asLong(),
                Collectors.counting()));

        assertTrue(perSecond.values().stream().filter(n -> n > 1).count() > 500);
        assertTrue(perSecond.values().stream().anyMatch(n -> n > 20));
    }

    @Test
    void everyEntityTypeOfTheReferenceOccurs() {
        Set<String> types = entries.stream().map(e -> e.get("entity").get("type").asText()).collect(Collectors.toSet());

        assertEquals(REFERENCE_ENTITY_TYPES, types);
    }

    @Test
    void theEntityIsTheSubObjectNamedAfterItsType() {
        assertTrue(entries.stream().allMatch(e -> {
            JsonNode entity = e.get("entity");
            return entity.size() == 2 && entity.get(entity.get("type").asText()).isObject();
        }));
    }

    @Test
    void everyActionIsInTheActionsCapture() {
        ActionCatalog catalog = ActionCatalog.fromCapture();

        assertTrue(entries.stream().allMatch(e -> catalog.contains(e.get("action").asText())));
    }

    @Test
    void loginsAndFileTransfersDominateAndAnomaliesAreRare() {
        Map<String, Long> byAction = entries.stream().collect(Collectors.groupingBy(e -> e.get("action").asText(),
                Collectors.counting()));
        String mostFrequent = byAction.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        assertEquals("user_login", mostFrequent);
        assertTrue(byAction.get("file_downloaded") > byAction.get("file_uploaded"));
        long anomalies = byAction.getOrDefault("anomaly", 0L);
        assertTrue(anomalies > 0 && anomalies < entries.size() / 100, "anomalies: " + anomalies);
    }

    @Test
    void theEntityTypeFitsTheAction() {
        assertTrue(ofAction("user_login").allMatch(e -> e.get("entity").get("type").asText().equals("user")));
        assertTrue(ofAction("file_downloaded").allMatch(e -> e.get("entity").get("type").asText().equals("file")));
        assertTrue(ofAction("user_channel_join").allMatch(e -> e.get("entity").get("type").asText().equals("channel")));
    }

    @Test
    void sessionIdIsAStringANumberOrNull() {
        Set<String> kinds = entries.stream().map(e -> e.get("context").get("session_id").getNodeType().name())
                .collect(Collectors.toSet());

        assertEquals(Set.of("STRING", "NUMBER", "NULL"), kinds);
    }

    @Test
    void userAgentIsSometimesEmpty() {
        assertTrue(entries.stream().anyMatch(e -> e.get("context").get("ua").asText().isEmpty()));
    }

    @Test
    void locationIsAWorkspaceOrTheEnterprise() {
        Set<String> types = entries.stream().map(e -> e.get("context").get("location").get("type").asText())
                .collect(Collectors.toSet());

        assertEquals(Set.of("workspace", "enterprise"), types);
    }

    @Test
    void onlyAppTriggeredEventsCarryContextAppAndTheirActorIsABotUser() {
        List<JsonNode> appTriggered = entries.stream().filter(e -> e.get("context").has("app")).collect(Collectors.toList());

        assertTrue(appTriggered.size() > 10);
        assertTrue(appTriggered.stream().allMatch(e -> e.get("actor").get("user").get("email").asText()
                .matches("botuser-T[0-9A-Z]+-A[0-9A-Z]+@slack-bots\\.com")));
    }

    @Test
    void slackSecurityAndThePlaceholderActorAppear() {
        Set<String> actors = entries.stream().map(e -> e.get("actor").get("user").get("id").asText()).collect(Collectors.toSet());

        assertTrue(actors.contains("USLACKSECURITY"));
        assertTrue(actors.contains("USLACKUSER"));
    }

    @Test
    void externalUsersDownloadFiles() {
        Set<String> orgTeams = entries.stream().map(e -> e.get("context").get("location").get("id").asText())
                .collect(Collectors.toSet());

        assertTrue(ofAction("file_downloaded")
                .anyMatch(e -> !orgTeams.contains(e.get("actor").get("user").get("team").asText())));
    }

    @Test
    void newValueComesAsAStringAnArrayAndAnObject() {
        Set<String> shapes = entries.stream().filter(e -> e.has("details") && e.get("details").has("new_value"))
                .map(e -> e.get("details").get("new_value").getNodeType().name()).collect(Collectors.toSet());

        assertEquals(Set.of("STRING", "ARRAY", "OBJECT"), shapes);
    }

    @Test
    void succeededUsersComeAsAnArrayAndAsAJsonEncodedString() {
        Map<String, JsonNode> byShape = entries.stream().filter(e -> e.has("details") && e.get("details").has("succeeded_users"))
                .collect(Collectors.toMap(e -> e.get("details").get("succeeded_users").getNodeType().name(),
                        Function.identity(), (a, b) -> a));

        assertEquals(Set.of("ARRAY", "STRING"), byShape.keySet());
        assertTrue(ApiClient.json(byShape.get("STRING").get("details").get("succeeded_users").asText()).isArray());
    }

    @Test
    void anomaliesCarryReasonArraysAndMicrosecondTimestamps() {
        List<JsonNode> anomalies = ofAction("anomaly").collect(Collectors.toList());

        assertTrue(anomalies.stream().allMatch(e -> e.get("details").get("reason").isArray()));
        assertTrue(anomalies.stream().allMatch(e -> e.get("details").get("action_timestamp").asLong() / 1_000_000
                                                    <= e.get("date_create").asLong()
                                                    && e.get("details").get("action_timestamp").asLong() > 1_000_000_000_000_000L));
        assertTrue(anomalies.stream().anyMatch(e -> e.get("details").has("ip_address_details")));
    }

    @Test
    void exportingTeamIdExceeds32Bits() {
        assertTrue(entries.stream().filter(e -> e.has("details") && e.get("details").has("exporting_team_id"))
                .anyMatch(e -> e.get("details").get("exporting_team_id").asLong() > Integer.MAX_VALUE));
    }

    private static java.util.stream.Stream<JsonNode> ofAction(String action) {
        return entries.stream().filter(e -> e.get("action").asText().equals(action));
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("id").asText()).collect(Collectors.toList());
    }
}
