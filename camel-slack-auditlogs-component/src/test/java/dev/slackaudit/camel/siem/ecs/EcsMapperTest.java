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
package dev.slackaudit.camel.siem.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.SampleRoundTripTest;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.EcsTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link EcsMapper} makes of an event, field by field (without enrichment: see the enrichment tests). */
class EcsMapperTest {

    private static final String USER_CREATED = """
            {"id":"bdcb13e3","date_create":1566215192,"action":"user_created",\
            "actor":{"type":"user","user":{"id":"e65b0f5c","name":"roy","email":"aaron@demo.com","team":"T1"}},\
            "entity":{"type":"user","user":{"id":"asdfasdf","name":"Joe Bob","email":"jbob@example.com","team":"T2"}},\
            "context":{"location":{"type":"workspace","id":"e65b11aa","name":"Docker","domain":"Docker"},\
            "ua":"curl/8.0","ip_address":"81.2.69.143","session_id":"847288190092","acting_agent":"Slackbot"},\
            "new_attribute":{"x":1}}""";

    private final EcsMapper mapper = new EcsMapper();

    @Test
    void eventOriginalIsTheEventExactlyAsSlackSentIt() {
        String json = "{\"action\" : \"user_login\",\"id\":\"1\",\"date_create\":1,\"odd\":[1,2.50,\"x\"]}";
        AuditLogEntry entry = EcsTestData.entry(json);
        assertEquals(entry.toJson(), mapper.map(entry).at("/event/original").textValue());
    }

    @Test
    void theActorIsTheUserAndTheActedOnUserIsTheTarget() {
        ObjectNode document = map(USER_CREATED);
        assertEquals(EcsTestData.json("""
                {"id":"e65b0f5c","full_name":"roy","email":"aaron@demo.com",\
                "target":{"id":"asdfasdf","full_name":"Joe Bob","email":"jbob@example.com"}}"""), document.get("user"));
        assertEquals(EcsTestData.json("[\"e65b0f5c\",\"aaron@demo.com\",\"asdfasdf\",\"jbob@example.com\"]"),
                document.at("/related/user"));
    }

    @Test
    void slackFieldsWithoutAnEcsFieldStayUnderSlackAudit() {
        JsonNode audit = map(USER_CREATED).at("/slack/audit");
        assertEquals("T1", audit.at("/actor/user/team").textValue());
        assertEquals("user", audit.at("/actor/type").textValue());
        assertEquals("T2", audit.at("/entity/team").textValue());
        assertEquals("user", audit.at("/entity/entity_type").textValue());
        assertEquals("Slackbot", audit.at("/context/acting_agent").textValue());
        assertEquals("Docker", audit.at("/context/name").textValue());
        assertEquals(1, audit.at("/new_attribute/x").intValue(), "an unknown top-level field");
    }

    @Test
    void theSessionIdIsTextWhetherSlackSentTextOrANumber() {
        assertEquals("847288190092", map(USER_CREATED).at("/slack/audit/context/session_id").textValue());
        assertEquals("913888259765", map("{\"action\":\"x\",\"context\":{\"session_id\":913888259765}}")
                .at("/slack/audit/context/session_id").textValue());
    }

    @Test
    void theEventFieldsAndTheSource() {
        ObjectNode document = map(USER_CREATED);
        assertEquals("2019-08-19T11:46:32.000Z", document.get("@timestamp").textValue());
        assertEquals(EcsMapper.ECS_VERSION, document.at("/ecs/version").textValue());
        assertEquals("user_created", document.at("/event/action").textValue());
        assertEquals("bdcb13e3", document.at("/event/id").textValue());
        assertEquals(EcsTestData.json("[\"iam\"]"), document.at("/event/category"));
        assertEquals("81.2.69.143", document.at("/source/ip").textValue());
        assertEquals("81.2.69.143", document.at("/source/address").textValue());
        assertEquals(EcsTestData.json("[\"81.2.69.143\"]"), document.at("/related/ip"));
        assertEquals("curl/8.0", document.at("/user_agent/original").textValue());
        assertTrue(document.at("/user_agent/name").isMissingNode(), "no parsing without the enrichment");
    }

    @Test
    void anAnomalyIsTimedByItsActionTimestampInMillisecondsOrMicroseconds() {
        String anomaly = "{\"action\":\"anomaly\",\"date_create\":1689249764,\"details\":{\"action_timestamp\":%s}}";
        ObjectNode micros = map(anomaly.formatted("1689249716345113"));
        assertEquals("2023-07-13T12:01:56.345113Z", micros.get("@timestamp").textValue());
        assertEquals("2023-07-13T12:02:44.000Z", micros.at("/slack/audit/date_create").textValue());
        assertTrue(micros.at("/slack/audit/details/action_timestamp").isMissingNode());
        assertEquals("2023-01-13T17:40:21.862Z", map(anomaly.formatted("1673631621862")).get("@timestamp").textValue());
        assertEquals("2022-02-09T17:37:33.989994Z",
                map(anomaly.formatted("\"1644428253989994\"")).get("@timestamp").textValue(), "a number sent as text");
        assertEquals("alert", micros.at("/event/kind").textValue());
    }

    @Test
    void aPrivateFileUrlIsSplitIntoUrlFields() {
        ObjectNode document = map("""
                {"action":"file_downloaded","entity":{"type":"file","file":{"id":"F1","name":"a.png"}},\
                "details":{"url_private":"https://files.slack.com:8443/files-pri/T1-F1/a.png?t=x#top"}}""");
        assertEquals(EcsTestData.json("""
                {"original":"https://files.slack.com:8443/files-pri/T1-F1/a.png?t=x#top","scheme":"https",\
                "domain":"files.slack.com","port":8443,"path":"/files-pri/T1-F1/a.png","extension":"png",\
                "query":"t=x","fragment":"top"}"""), document.get("url"));
        assertEquals("https://files.slack.com:8443/files-pri/T1-F1/a.png?t=x#top",
                document.at("/slack/audit/details/url_private").textValue(), "kept, as Elastic keeps it");
        assertEquals("a.png", document.at("/file/name").textValue());
    }

    @Test
    void aFileHashIsTheFilesMd5AndARelatedHash() {
        ObjectNode document = map("""
                {"action":"file_malicious_content_detected","entity":{"type":"file","file":{"id":"F1"}},\
                "details":{"md5_hash":"7e2b2819a67bb11b0ca280c1d0646f42"}}""");
        assertEquals("7e2b2819a67bb11b0ca280c1d0646f42", document.at("/file/hash/md5").textValue());
        assertEquals(EcsTestData.json("[\"7e2b2819a67bb11b0ca280c1d0646f42\"]"), document.at("/related/hash"));
        assertEquals("7e2b2819a67bb11b0ca280c1d0646f42", document.at("/slack/audit/details/md5").textValue());
    }

    @Test
    void anomalyDetailsAreKeptWithElasticsNames() {
        JsonNode details = map("""
                {"action":"anomaly","details":{"location":"Tokyo, JP","previous_ip_address":"192.168.79.87",\
                "previous_ua":"Slack/1","reason":["asn","ip_address"],"ip_address_details":["new-asn"]}}""")
                .at("/slack/audit/details");
        assertEquals(EcsTestData.json("""
                {"location":"Tokyo, JP","previous_ip_address":"192.168.79.87","previous_user_agent":"Slack/1",\
                "reason":["asn","ip_address"],"ip_address_details":["new-asn"]}"""), details);
    }

    @Test
    void emptyValuesAreLeftOutAsInElasticsPipeline() {
        ObjectNode document = map("""
                {"action":"file_shared","entity":{"type":"file","file":{"id":"F1","title":"","filetype":""}},\
                "context":{"ua":"","ip_address":"","location":{}},"details":{"previous_ua":"","list":[]}}""");
        assertEquals(EcsTestData.json("{\"id\":\"F1\",\"entity_type\":\"file\"}"), document.at("/slack/audit/entity"));
        assertTrue(document.path("user_agent").isMissingNode());
        assertTrue(document.path("source").isMissingNode());
        assertTrue(document.at("/slack/audit/details").isMissingNode());
        assertTrue(document.at("/slack/audit/context").isMissingNode());
    }

    @ParameterizedTest
    @MethodSource("dev.slackaudit.camel.SampleRoundTripTest#samples")
    void everySampleEventKeepsEveryTopLevelFieldAndItsOriginal(String sample) throws Exception {
        for (String json : SampleRoundTripTest.entriesOf(sample)) {
            AuditLogEntry entry = EcsTestData.entry(json);
            ObjectNode document = mapper.map(entry);
            assertEquals(entry.toJson(), document.at("/event/original").textValue());
            if (!entry.getAction().isEmpty()) {
                assertEquals(entry.getAction(), document.at("/event/action").textValue());
            }
            JsonNode event = entry.asTree();
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) event::fields) {
                boolean mapped = List.of("id", "date_create", "action", "actor", "entity", "context", "details")
                        .contains(field.getKey());
                assertTrue(mapped || document.at("/slack/audit/" + field.getKey()).equals(field.getValue()),
                        sample + ": " + field.getKey());
            }
            assertFalse(document.at("/event/kind").isMissingNode());
        }
    }

    @Test
    void oneEnrichedMapperServesManyThreadsAlike() throws Exception {
        EcsMapper enriched = EcsTestData.enrichedMapper();
        List<String> events = EcsTestData.resource("/ecs/elastic-slack-pipeline/test-audit.log").lines().toList();
        List<ObjectNode> expected = events.stream().map(json -> enriched.map(EcsTestData.entry(json))).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < events.size(); i++) {
                            if (!expected.get(i).equals(enriched.map(EcsTestData.entry(events.get(i))))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aMapperWithoutEnrichmentWritesNoParsedAgent() {
        assertNull(map(USER_CREATED).at("/user_agent").get("name"));
    }

    private ObjectNode map(String json) {
        return mapper.map(EcsTestData.entry(json));
    }
}
