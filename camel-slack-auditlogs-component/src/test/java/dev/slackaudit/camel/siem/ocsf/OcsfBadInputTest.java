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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.OcsfTestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.slackaudit.camel.siem.ocsf.OcsfSchemaConformanceTest.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input never drops an event: a field of unexpected type or value is left out of the document (and kept under
 * {@code unmapped}), the document is still valid OCSF, and nothing is thrown.
 */
class OcsfBadInputTest {

    private static final Instant MAPPED_AT = Instant.parse("2026-12-06T12:00:00Z");
    private static final OcsfMapper MAPPER = new OcsfMapper(Clock.fixed(MAPPED_AT, ZoneOffset.UTC));

    private static final String ACTOR = "'actor':{'type':'user','user':{'id':'W1','name':'Ann','email':'ann@example.com'}}";
    private static final String USER_ENTITY = "'entity':{'type':'user','user':{'id':'W1','name':'Ann'}}";
    private static final String FILE_ENTITY = "'entity':{'type':'file','file':{'id':'F1','name':'a.pdf'}}";

    private static AuditLogEntry login(String context) {
        return OcsfTestEvents.json("{'id':'e1','date_create':1521214343,'action':'user_login'," + ACTOR + ","
                                   + USER_ENTITY + ",'context':" + context + "}");
    }

    /** Maps the event and checks the document is valid OCSF. */
    private static ObjectNode map(AuditLogEntry entry) {
        ObjectNode document = MAPPER.map(entry);
        assertValid(document);
        return document;
    }

    @ParameterizedTest(name = "ip_address \"{0}\"")
    @ValueSource(strings = { "", " ", "1.23.45.678", "999.1.1.1", "not-an-ip", "localhost", "fe80::1%eth0", "1:2",
                             ".:1", "::ffff:999.1.1.1" })
    void anEmptyOrInvalidIpAddressIsLeftOutAndKept(String ip) {
        ObjectNode document = map(login("{'ip_address':'" + ip + "','ua':'UA'}"));
        assertEquals(3002, document.get("class_uid").asInt());
        assertFalse(document.has("src_endpoint"));
        assertEquals(ip, document.at("/unmapped/context/ip_address").asText());
    }

    @ParameterizedTest(name = "ip_address \"{0}\"")
    @ValueSource(strings = { "81.2.69.143", "2001:db8::1", "::1", "::ffff:192.0.2.1" })
    void anIpv4OrIpv6AddressIsTheSource(String ip) {
        assertEquals(ip, map(login("{'ip_address':'" + ip + "'}")).at("/src_endpoint/ip").asText());
    }

    @Test
    void anIpAddressThatIsNoStringIsLeftOutAndKept() {
        ObjectNode document = map(login("{'ip_address':['81.2.69.143'],'ua':{'name':'x'}}"));
        assertFalse(document.has("src_endpoint"));
        assertFalse(document.has("http_request"));
        assertEquals("81.2.69.143", document.at("/unmapped/context/ip_address/0").asText());
        assertEquals("x", document.at("/unmapped/context/ua/name").asText());
    }

    @Test
    void numbersSentAsStringsAreRead() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':'1521214343','action':'user_login',"
                                                      + ACTOR + "," + USER_ENTITY
                                                      + ",'context':{'session_id':'847288190092'}}"));
        assertEquals(1521214343000L, document.get("time").asLong());
        assertEquals("847288190092", document.at("/actor/session/uid").asText());
    }

    @Test
    void idsSentAsNumbersBecomeText() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':12345,'date_create':1521214343,'action':'user_login',"
                                                      + "'actor':{'type':'user','user':{'id':42,'name':'Ann'}},"
                                                      + "'context':{'session_id':913888259765}}"));
        assertEquals("12345", document.at("/metadata/uid").textValue());
        assertEquals("42", document.at("/actor/user/uid").textValue());
        assertEquals("913888259765", document.at("/actor/session/uid").textValue());
    }

    @Test
    void aSessionIdOfNullIsLeftOutAndKept() {
        ObjectNode document = map(login("{'session_id':null,'ua':null}"));
        assertFalse(document.at("/actor").has("session"));
        assertTrue(document.at("/unmapped/context/session_id").isNull());
    }

    @Test
    void anAppOfNullIsLeftOutAndKept() {
        // Slack logged "app": null on every event for a while
        ObjectNode document = map(login("{'app':null,'ip_address':'81.2.69.143'}"));
        assertFalse(document.at("/actor").has("app_uid"));
        assertTrue(document.at("/unmapped/context/app").isNull());
    }

    @Test
    void polymorphicDetailsStayUnmappedAsSent() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'pref.who_can_manage_guests',"
                + ACTOR + ",'entity':{'type':'enterprise','enterprise':{'id':'E1','name':'Org'}},"
                + "'details':{'new_value':{'type':['ADMINS']},'previous_value':[],'succeeded_users':'[\\\"W1\\\"]'}}"));
        assertEquals(300403, document.get("type_uid").asLong());
        assertEquals("{\"type\":[\"ADMINS\"]}", document.at("/unmapped/details/new_value").toString());
        assertEquals("[]", document.at("/unmapped/details/previous_value").toString());
        assertEquals("[\"W1\"]", document.at("/unmapped/details/succeeded_users").asText());
    }

    @Test
    void anAnomalyReasonOfUnexpectedShapeIsLeftOutAndKept() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'anomaly'," + ACTOR + ","
                + USER_ENTITY + ",'details':{'reason':{'code':'asn'},'action_timestamp':'not a time'}}"));
        assertEquals(2004, document.get("class_uid").asInt());
        assertFalse(document.at("/finding_info").has("types"));
        assertFalse(document.has("start_time"));
        assertEquals("asn", document.at("/unmapped/details/reason/code").asText());
        assertEquals("not a time", document.at("/unmapped/details/action_timestamp").asText());
    }

    @Test
    void anAnomalyReasonAsOneStringAndItsTimeAsAStringAreRead() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'anomaly'," + ACTOR + ","
                + USER_ENTITY + ",'details':{'reason':'tor','action_timestamp':'1673631621862'}}"));
        assertEquals("[\"tor\"]", document.at("/finding_info/types").toString());
        assertEquals(1673631621862L, document.get("start_time").asLong());
    }

    @Test
    void aLogOnWithoutActorNamesTheUserOnly() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'user_login'," + USER_ENTITY + "}"));
        assertEquals(3002, document.get("class_uid").asInt());
        assertFalse(document.has("actor"));
        assertEquals("W1", document.at("/user/uid").asText());
    }

    @Test
    void aFileDownloadWithoutActorFallsBackToEntityManagementOfTheFile() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'file_downloaded',"
                                                      + FILE_ENTITY + ",'context':{'ip_address':'81.2.69.143'}}"));
        assertEquals(3004, document.get("class_uid").asInt());
        assertEquals(300402, document.get("type_uid").asLong());
        assertEquals("F1", document.at("/entity/uid").asText());
        assertEquals("file", document.at("/entity/type").asText());
    }

    @Test
    void aFileDownloadWithoutSourceAddressFallsBackToEntityManagementOfTheFile() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'file_downloaded'," + ACTOR
                                                      + "," + FILE_ENTITY + ",'context':{'ip_address':''}}"));
        assertEquals(3004, document.get("class_uid").asInt());
        assertEquals("W1", document.at("/actor/user/uid").asText());
    }

    @Test
    void anUnknownEntityTypeIsAnEntityOfThatType() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'public_channel_created',"
                + ACTOR + ",'entity':{'type':'spaceship','spaceship':{'id':'X1','name':'Enterprise','warp':9}}}"));
        assertEquals(300401, document.get("type_uid").asLong());
        assertEquals("spaceship", document.at("/entity/type").asText());
        assertEquals(99, document.at("/entity/type_id").asInt());
        assertEquals("X1", document.at("/entity/uid").asText());
        assertEquals(9, document.at("/unmapped/entity/spaceship/warp").asInt());
    }

    @Test
    void anEntityWithoutItsTypesObjectFallsBackToApiActivity() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'public_channel_created',"
                + ACTOR + ",'entity':{'type':'channel','file':{'id':'F1'}},'context':{'ip_address':'81.2.69.143'}}"));
        assertEquals(6003, document.get("class_uid").asInt());
        assertFalse(document.has("resources"));
        assertEquals("F1", document.at("/unmapped/entity/file/id").asText());
    }

    @Test
    void anEventWithNoActorNoEntityAndNoAddressIsABaseEvent() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'user_created'}"));
        assertEquals(0, document.get("class_uid").asInt());
        assertEquals(99, document.get("activity_id").asInt());
        assertEquals("user_created", document.get("activity_name").asText());
        assertEquals(99, document.get("type_uid").asLong());
    }

    @Test
    void anUnknownActionWithoutSourceAddressIsABaseEventNamingIt() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'teleport_started'," + ACTOR + "}"));
        assertEquals(0, document.get("class_uid").asInt());
        assertEquals("teleport_started", document.at("/metadata/event_code").asText());
    }

    @Test
    void anEmptyEventIsAValidBaseEventDatedWhenMapped() {
        ObjectNode document = map(OcsfTestEvents.json("{}"));
        assertEquals(0, document.get("class_uid").asInt());
        assertEquals(MAPPED_AT.toEpochMilli(), document.get("time").asLong());
        assertEquals(MAPPED_AT.toEpochMilli(), document.at("/metadata/processed_time").asLong());
        assertEquals("{}", document.get("raw_data").asText());
        assertFalse(document.has("unmapped"));
    }

    @Test
    void anActorOfUnexpectedTypeIsLeftOutAndKept() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'user_login','actor':'W1',"
                                                      + USER_ENTITY + "}"));
        assertFalse(document.has("actor"));
        assertEquals("W1", document.at("/unmapped/actor").asText());
    }

    @Test
    void anInvalidEmailAddressIsLeftOutAndKept() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':1,'action':'user_login',"
                + "'actor':{'type':'user','user':{'id':'W1','email':'not an address'}}}"));
        assertFalse(document.at("/actor/user").has("email_addr"));
        assertEquals("not an address", document.at("/unmapped/actor/user/email").asText());
    }

    @Test
    void aDateCreateThatIsNoTimeIsKeptAndTheEventDatedWhenMapped() {
        ObjectNode document = map(OcsfTestEvents.json("{'id':'e1','date_create':'yesterday','action':'user_login',"
                                                      + USER_ENTITY + "}"));
        assertEquals(MAPPED_AT.toEpochMilli(), document.get("time").asLong());
        assertEquals("yesterday", document.at("/unmapped/date_create").asText());
    }
}
