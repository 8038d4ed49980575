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
package dev.slackaudit.camel.siem.ocsf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.OcsfTestEvents;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the OCSF document of an event holds, on Slack's and Elastic's sample events. */
class OcsfMapperTest {

    private static final OcsfMapper MAPPER = new OcsfMapper();

    private static AuditLogEntry sample(String action, String id) {
        return OcsfTestEvents.samples().stream()
                .filter(entry -> action.equals(entry.getAction()) && id.equals(entry.getId())).findFirst().orElseThrow();
    }

    /** Elastic's user_login case: Slack's documentation's, with a valid IP address instead of 1.23.45.678. */
    private static AuditLogEntry elasticLogin() {
        return OcsfTestEvents.samples().stream()
                .filter(entry -> "user_login".equals(entry.getAction()) && entry.toJson().contains("81.2.69.143"))
                .findFirst().orElseThrow();
    }

    @Test
    void aLogOnIsAnAuthenticationLogOnThatSucceeded() {
        ObjectNode document = MAPPER.map(elasticLogin());
        assertEquals(3002, document.get("class_uid").asInt());
        assertEquals(3, document.get("category_uid").asInt());
        assertEquals(1, document.get("activity_id").asInt());
        assertEquals("Logon", document.get("activity_name").asText());
        assertEquals(300201, document.get("type_uid").asLong());
        assertEquals(1, document.get("status_id").asInt());
        assertEquals(1, document.get("severity_id").asInt());
        assertEquals("Slack", document.at("/service/name").asText());
    }

    @Test
    void theLogOnSaysWhoActedFromWhichAddressWithWhichClientAndWhoLoggedOn() {
        ObjectNode document = MAPPER.map(elasticLogin());
        assertEquals("W123AB456", document.at("/actor/user/uid").asText());
        assertEquals("Charlie Parker", document.at("/actor/user/name").asText());
        assertEquals("bird@slack.com", document.at("/actor/user/email_addr").asText());
        assertEquals("81.2.69.143", document.at("/src_endpoint/ip").asText());
        assertTrue(document.at("/http_request/user_agent").asText().startsWith("Mozilla/5.0 (Macintosh"));
        assertEquals("W123AB456", document.at("/user/uid").asText());
    }

    @Test
    void timeIsDateCreateInEpochMilliseconds() {
        assertEquals(1521214343000L, MAPPER.map(elasticLogin()).get("time").asLong());
    }

    @Test
    void metadataNamesTheSchemaVersionTheProductAndTheEvent() {
        JsonNode metadata = MAPPER.map(elasticLogin()).get("metadata");
        assertEquals("1.8.0", metadata.get("version").asText());
        assertEquals("Slack", metadata.at("/product/name").asText());
        assertEquals("Slack", metadata.at("/product/vendor_name").asText());
        assertEquals("0123a45b-6c7d-8900-e12f-3456789gh0i1", metadata.get("uid").asText());
        assertEquals("user_login", metadata.get("event_code").asText());
    }

    @Test
    void rawDataIsTheEventExactlyAsSlackSentIt() {
        for (AuditLogEntry entry : OcsfTestEvents.samples()) {
            assertEquals(entry.toJson(), MAPPER.map(entry).get("raw_data").asText());
        }
    }

    @Test
    void aFieldWithoutAnAttributeStaysUnderUnmapped() {
        ObjectNode document = MAPPER.map(elasticLogin());
        assertEquals("Birdland", document.at("/unmapped/context/location/name").asText());
        assertEquals("enterprise", document.at("/unmapped/context/location/type").asText());
    }

    @Test
    void everyFieldOfEverySampleIsMappedOrUnmapped() {
        for (AuditLogEntry entry : OcsfTestEvents.samples()) {
            ObjectNode document = MAPPER.map(entry);
            Set<String> mappedValues = new HashSet<>();
            ObjectNode mapped = document.deepCopy();
            mapped.remove(List.of("raw_data", "unmapped"));
            collectScalars(mapped, mappedValues);
            for (Map.Entry<String, JsonNode> leaf : leaves(entry.asTree(), "").entrySet()) {
                String path = leaf.getKey();
                JsonNode value = leaf.getValue();
                boolean kept = value.equals(document.path("unmapped").at(path));
                boolean mappedAsIs = mappedValues.contains(value.asText());
                boolean mappedAsTime = path.equals("/date_create") && document.get("time").asLong() == value.asLong() * 1000
                                       || path.equals("/details/action_timestamp") && document.has("start_time");
                assertTrue(kept || mappedAsIs || mappedAsTime, path + " = " + value + " is lost from " + document);
            }
        }
    }

    @Test
    void aFileDownloadIsFileHostingWithTheFileAndTheSession() {
        ObjectNode document = MAPPER.map(sample("file_downloaded", "2db28060-1659-4b27-ad55-fdba12e3a7b1"));
        assertEquals(6006, document.get("class_uid").asInt());
        assertEquals(2, document.get("activity_id").asInt());
        assertEquals(600602, document.get("type_uid").asLong());
        assertEquals("image.png", document.at("/file/name").asText());
        assertEquals("7edc4c42-f925-47af-979a-22c10e1fefed", document.at("/file/uid").asText());
        assertEquals("image/png", document.at("/file/mime_type").asText());
        assertEquals("https://example.com/", document.at("/file/uri").asText());
        assertEquals(1, document.at("/file/type_id").asInt());
        // Slack sent the session id as a number; OCSF's session uid is a string
        assertEquals("913888259765", document.at("/actor/session/uid").textValue());
        assertEquals("81.2.69.144", document.at("/src_endpoint/ip").asText());
    }

    @Test
    void aNewUserIsAnAccountChangeCreateOfTheUserActedOn() {
        ObjectNode document = MAPPER.map(sample("user_created", "bdcb13e3-28a3-41f0-9ace-a20952def3a0"));
        assertEquals(3001, document.get("class_uid").asInt());
        assertEquals(1, document.get("activity_id").asInt());
        assertEquals("asdfasdf", document.at("/user/uid").asText());
        assertEquals("Joe Bob", document.at("/user/name").asText());
        assertEquals("T234SAH2", document.at("/user/org/uid").asText());
        assertEquals("e65b0f5c", document.at("/actor/user/uid").asText());
    }

    @Test
    void anAnomalyIsADetectionFindingWithItsReasonsAndEvidence() {
        ObjectNode document = MAPPER.map(sample("anomaly", "16f5fb41-c67c-4cf5-a5c4-d90cb58dd5f9"));
        assertEquals(2004, document.get("class_uid").asInt());
        assertEquals(2, document.get("category_uid").asInt());
        assertEquals(200401, document.get("type_uid").asLong());
        assertEquals(3, document.get("severity_id").asInt());
        assertTrue(document.get("is_alert").asBoolean());
        assertEquals("16f5fb41-c67c-4cf5-a5c4-d90cb58dd5f9", document.at("/finding_info/uid").asText());
        assertEquals("[\"asn\",\"ip_address\"]", document.at("/finding_info/types").toString());
        assertEquals("anomaly: asn, ip_address", document.at("/finding_info/title").asText());
        // action_timestamp in milliseconds here
        assertEquals(1673631621862L, document.get("start_time").asLong());
        assertEquals("81.2.69.143", document.at("/evidences/0/src_endpoint/ip").asText());
        assertEquals("e65b0f5c", document.at("/evidences/0/actor/user/uid").asText());
        assertEquals("175.16.199.64", document.at("/evidences/1/src_endpoint/ip").asText());
        assertEquals("asdfasdf", document.at("/resources/0/uid").asText());
        assertEquals("user", document.at("/resources/0/type").asText());
    }

    @Test
    void anAnomalysActionTimestampInMicrosecondsBecomesMilliseconds() {
        ObjectNode document = MAPPER.map(sample("anomaly", "<id>"));
        assertEquals(1644428253989L, document.get("start_time").asLong());
    }

    @Test
    void anActionThroughAnAppNamesTheAppInTheActor() {
        ObjectNode document = MAPPER.map(sample("public_channel_created", "0123a45b-6c7d-8900-e12f-3456789gh0i1"));
        assertEquals(3004, document.get("class_uid").asInt());
        assertEquals(1, document.get("activity_id").asInt());
        assertEquals("AT123AB456", document.at("/actor/app_uid").asText());
        assertEquals("Channel Spinner App", document.at("/actor/app_name").asText());
        assertEquals("C123ABC456", document.at("/entity/uid").asText());
        assertEquals("channel", document.at("/entity/type").asText());
        assertEquals(99, document.at("/entity/type_id").asInt());
    }

    @Test
    void aSettingChangedOnTheOrganizationIsAnEntityManagementUpdateOfIt() {
        ObjectNode document = MAPPER.map(sample("pref.enterprise_default_channels", "abb8bb0d-9c67-43ed-813d-9fd1fa86e198"));
        assertEquals(300403, document.get("type_uid").asLong());
        assertEquals(4, document.at("/entity/type_id").asInt());
        assertEquals("E111", document.at("/entity/org/uid").asText());
        assertEquals("[\"C111\"]", document.at("/unmapped/details/new_value").toString());
    }

    @Test
    void aUserAddedToAGroupIsGroupManagementOfThatGroup() {
        ObjectNode document = MAPPER.map(OcsfTestEvents.event("user_added_to_usergroup", "subteam"));
        assertEquals(300603, document.get("type_uid").asLong());
        assertEquals("S0GROUP", document.at("/group/uid").asText());
        assertEquals("oncall", document.at("/group/name").asText());
    }

    @Test
    void aFailedLogOnHasTheStatusFailure() {
        ObjectNode document = MAPPER.map(OcsfTestEvents.event("user_login_failed", "user"));
        assertEquals(2, document.get("status_id").asInt());
        assertEquals("Failure", document.get("status").asText());
    }

    @Test
    void anActionTheListingDoesNotHaveIsAnApiActivityNamingIt() {
        ObjectNode document = MAPPER.map(OcsfTestEvents.event("teleport_started", "channel"));
        assertEquals(6003, document.get("class_uid").asInt());
        assertEquals(99, document.get("activity_id").asInt());
        assertEquals("teleport_started", document.at("/api/operation").asText());
        assertEquals("C0CHANNEL", document.at("/resources/0/uid").asText());
    }

    @Test
    void anActionWithoutStatusInItsNameHasNone() {
        assertFalse(MAPPER.map(OcsfTestEvents.event("public_channel_created", "channel")).has("status_id"));
    }

    private static void collectScalars(JsonNode node, Set<String> values) {
        if (node.isContainerNode()) {
            node.forEach(child -> collectScalars(child, values));
        } else {
            values.add(node.asText());
        }
    }

    /** Every scalar of the event by its JSON pointer (an empty object or array counts as one too). */
    private static Map<String, JsonNode> leaves(JsonNode node, String path) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (node.isObject() && !node.isEmpty()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> leaves.putAll(leaves(node.get(name), path + "/" + name)));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.putAll(leaves(node.get(i), path + "/" + i));
            }
        } else {
            leaves.put(path, node);
        }
        return leaves;
    }
}
