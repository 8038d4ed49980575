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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.SampleRoundTripTest;
import dev.slackaudit.camel.testing.EcsTestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input never drops an event: a field of unexpected type is left out of the document (or given the one type its
 * field has in every document), the rest is mapped, and nothing is thrown. With every enrichment on.
 */
class EcsBadInputTest {

    private static final EcsMapper mapper = EcsTestData.enrichedMapper();

    @Test
    void aNewValueSentAsTextAnArrayOrAnObjectIsAlwaysText() {
        assertEquals("RETAIN_ONLY_MSGS", details("{\"new_value\":\"RETAIN_ONLY_MSGS\"}").get("new_value").textValue());
        assertEquals("[\"C111\"]", details("{\"new_value\":[\"C111\"]}").get("new_value").textValue());
        assertEquals("{\"type\":[\"TOPLEVEL_ADMINS\"]}",
                details("{\"previous_value\":{\"type\":[\"TOPLEVEL_ADMINS\"]}}").get("previous_value").textValue());
    }

    @Test
    void userListsSentAsAnArrayOrAsTheTextOfOneAreAlwaysAnArray() {
        assertEquals(EcsTestData.json("[\"W111\",\"W222\"]"),
                details("{\"succeeded_users\":\"[\\\"W111\\\", \\\"W222\\\"]\"}").get("succeeded_users"));
        assertEquals(EcsTestData.json("[\"W333\"]"), details("{\"failed_users\":[\"W333\"]}").get("failed_users"));
    }

    @Test
    void aReasonSentAsTextIsAnArrayAndAsAnObjectIsLeftOut() {
        assertEquals(EcsTestData.json("[\"tor\"]"), details("{\"reason\":\"tor\",\"a\":1}").get("reason"));
        assertFalse(details("{\"reason\":{\"code\":\"tor\"},\"a\":1}").has("reason"));
    }

    @Test
    void numbersSentAsTextAreRead() {
        ObjectNode document = map("{\"action\":\"user_login\",\"date_create\":\"1521214343\","
                                  + "\"actor\":{\"user\":{\"id\":12345}},\"context\":{\"session_id\":\"99\"}}");
        assertEquals("2018-03-16T15:32:23.000Z", document.get("@timestamp").textValue());
        assertEquals("12345", document.at("/user/id").textValue());
        assertEquals("99", document.at("/slack/audit/context/session_id").textValue());
    }

    @Test
    void aDateThatIsNoNumberLeavesTheTimestampOut() {
        ObjectNode document = map("{\"action\":\"user_login\",\"date_create\":\"yesterday\","
                                  + "\"details\":{\"action_timestamp\":{\"at\":1}}}");
        assertFalse(document.has("@timestamp"));
        assertEquals("user_login", document.at("/event/action").textValue());
    }

    @Test
    void aDateBeyondTheYear9999LeavesTheTimestampOut() {
        for (String date : List.of("9223372036854775807", "253402300800", "-5")) {
            ObjectNode document = map("{\"action\":\"user_login\",\"date_create\":" + date + "}");
            assertFalse(document.has("@timestamp"), date);
        }
        ObjectNode anomaly = map("{\"action\":\"anomaly\",\"date_create\":1,"
                                 + "\"details\":{\"action_timestamp\":9223372036854775807}}");
        assertEquals("1970-01-01T00:00:01.000Z", anomaly.get("@timestamp").textValue());
    }

    @Test
    void anEmptyIpAddressGivesNoSource() {
        ObjectNode document = map("{\"action\":\"user_login\",\"context\":{\"ip_address\":\"\"}}");
        assertFalse(document.has("source"));
        assertFalse(document.has("related"));
    }

    @Test
    void anInvalidIpAddressIsKeptAsTheAddressOnlyAndNeverLookedUp() {
        for (String address : List.of("1.23.45.678", "localhost", "not an ip", "::zz", "fe80::1%eth0")) {
            ObjectNode document = map("{\"action\":\"user_login\",\"context\":{\"ip_address\":\"" + address + "\"}}");
            assertEquals(EcsTestData.json("{\"address\":\"" + address + "\"}"), document.get("source"), address);
            assertFalse(document.has("related"), address);
        }
        assertFalse(details("{\"previous_ip_address\":\"\",\"a\":1}").has("previous_ip_address"));
        assertFalse(details("{\"previous_ip_address\":\"999.1.1.1\",\"a\":1}").has("previous_ip_address"));
    }

    @Test
    void anIpv6AddressIsASourceIp() {
        ObjectNode document = map("{\"action\":\"user_login\",\"context\":{\"ip_address\":\"2001:db8::1\"}}");
        assertEquals("2001:db8::1", document.at("/source/ip").textValue());
    }

    @Test
    void aMissingOrOddActorGivesNoUser() {
        for (String actor : List.of("", ",\"actor\":null", ",\"actor\":\"W1\"", ",\"actor\":{\"type\":\"user\"}",
                ",\"actor\":{\"user\":[\"W1\"]}")) {
            ObjectNode document = map("{\"action\":\"user_login\",\"date_create\":1" + actor + "}");
            assertFalse(document.has("user"), actor);
            assertEquals("user_login", document.at("/event/action").textValue(), actor);
        }
    }

    @Test
    void anUnknownEntityTypeKeepsItsObject() {
        assertEquals(EcsTestData.json("{\"id\":\"H1\",\"entity_type\":\"huddle_room\"}"),
                map("{\"action\":\"x\",\"entity\":{\"type\":\"huddle_room\",\"huddle_room\":{\"id\":\"H1\"}}}")
                        .at("/slack/audit/entity"));
        assertEquals(EcsTestData.json("{\"entity_type\":\"ghost\"}"),
                map("{\"action\":\"x\",\"entity\":{\"type\":\"ghost\"}}").at("/slack/audit/entity"));
        assertEquals(EcsTestData.json("{\"id\":\"C1\",\"entity_type\":\"user\"}"),
                map("{\"action\":\"x\",\"entity\":{\"type\":\"user\",\"channel\":{\"id\":\"C1\"}}}")
                        .at("/slack/audit/entity"), "no user object: the entity's other object, and no target");
        assertFalse(map("{\"action\":\"x\",\"entity\":{\"type\":\"user\",\"channel\":{\"id\":\"C1\"}}}")
                .has("user"));
    }

    @Test
    void objectsOfTheWrongTypeAreLeftOut() {
        ObjectNode document = map("{\"action\":\"file_shared\",\"entity\":[1],\"context\":\"here\",\"details\":\"x\","
                                  + "\"id\":{\"uuid\":1}}");
        assertFalse(document.at("/slack/audit").has("entity"));
        assertFalse(document.at("/slack/audit").has("context"));
        assertFalse(document.at("/slack/audit").has("details"));
        assertFalse(document.at("/event").has("id"));
        assertEquals("file_shared", document.at("/event/action").textValue());
    }

    @Test
    void detailsOfTheWrongTypeAreLeftOut() {
        JsonNode details = details("{\"md5_hash\":5,\"url_private\":[\"https://x\"],\"previous_ua\":{},\"location\":1,"
                                   + "\"kept\":true}");
        assertEquals(EcsTestData.json("{\"kept\":true}"), details);
        ObjectNode document = map("{\"action\":\"file_downloaded\",\"details\":{\"url_private\":\"not a url\"}}");
        assertFalse(document.has("url"));
        assertEquals("not a url", document.at("/slack/audit/details/url_private").textValue());
    }

    @Test
    void anAgentTheRulesDoNotKnowIsNamedOther() {
        ObjectNode document = map("{\"action\":\"x\",\"context\":{\"ua\":\"\\u0000\\u0001???\"}}");
        assertEquals("Other", document.at("/user_agent/name").textValue());
    }

    @Test
    void everyOddShapeOfTheSamplesMapsWithoutThrowing() throws Exception {
        // the project's copies of the shared samples (src/test/resources/samples/README.md)
        List<String> events = new ArrayList<>();
        for (String sample : SampleRoundTripTest.samples()) {
            events.addAll(SampleRoundTripTest.entriesOf(sample));
        }
        assertTrue(events.size() >= 13, "events read: " + events.size());
        for (String json : events) {
            ObjectNode document = mapper.map(EcsTestData.entry(json));
            assertEquals(EcsMapper.ECS_VERSION, document.at("/ecs/version").textValue());
            assertTrue(document.at("/event/original").isTextual());
            assertTrue(document.at("/event/kind").isTextual());
            JsonNode newValue = document.at("/slack/audit/details/new_value");
            assertTrue(newValue.isMissingNode() || newValue.isTextual(), json);
        }
    }

    private static ObjectNode map(String json) {
        return mapper.map(EcsTestData.entry(json));
    }

    private static JsonNode details(String details) {
        return map("{\"action\":\"x\",\"details\":" + details + "}").at("/slack/audit/details");
    }
}
