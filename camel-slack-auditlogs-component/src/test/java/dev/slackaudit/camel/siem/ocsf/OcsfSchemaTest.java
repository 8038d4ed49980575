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
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.testing.OcsfSchema;
import dev.slackaudit.camel.testing.OcsfTestEvents;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema validator finds each kind of problem it checks for, so that a document it passes is valid. */
class OcsfSchemaTest {

    private static final OcsfSchema SCHEMA = OcsfSchema.load(OcsfMapper.SCHEMA_VERSION);

    /** A minimal valid Authentication: Logon event. */
    private static ObjectNode logon() {
        return (ObjectNode) OcsfTestEvents.readTree(("{'class_uid':3002,'category_uid':3,'activity_id':1,'type_uid':300201,"
                + "'severity_id':1,'time':1521214343000,'metadata':{'version':'1.8.0','product':{'name':'Slack'}},"
                + "'user':{'uid':'W1'},'service':{'name':'Slack'},'src_endpoint':{'ip':'81.2.69.143'}}").replace('\'', '"'));
    }

    private static void assertOneProblem(ObjectNode document, String expected) {
        List<String> problems = SCHEMA.validate(document);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(expected), problems::toString);
    }

    @Test
    void aValidDocumentHasNoProblem() {
        assertEquals(List.of(), SCHEMA.validate(logon()));
    }

    @Test
    void inheritedAndIncludedAttributesAreKnown() {
        OcsfSchema.ResolvedType authentication = SCHEMA.eventClass("authentication");
        // from base_event, from iam, from the class itself, and from the host profile base_event includes
        assertTrue(authentication.attributes().has("raw_data"));
        assertTrue(authentication.attributes().has("src_endpoint"));
        assertTrue(authentication.attributes().has("logon_type_id"));
        assertEquals("host", SCHEMA.eventClass("detection_finding").attributes().path("actor").path("profile").asText());
        // iam takes actor out of the host profile
        assertTrue(authentication.attributes().path("actor").path("profile").isNull());
        // the class's activities are added to base_event's Unknown and Other
        assertEquals(List.of("0", "99", "1", "2", "3", "4", "5", "6", "7"),
                iterable(authentication.attributes().path("activity_id").path("enum").fieldNames()));
    }

    @Test
    void anAttributeTheClassDoesNotHaveIsAProblem() {
        ObjectNode document = logon();
        document.put("file_name", "x");
        assertOneProblem(document, "file_name is no attribute of authentication");
    }

    @Test
    void anAttributeTheObjectDoesNotHaveIsAProblem() {
        ObjectNode document = logon();
        ((ObjectNode) document.get("user")).put("emails", "a@example.com");
        assertOneProblem(document, "user.emails is no attribute of user");
    }

    @Test
    void aMissingRequiredAttributeIsAProblem() {
        ObjectNode document = logon();
        document.remove("user");
        assertOneProblem(document, "user is required by authentication");
    }

    @Test
    void aMissingRequiredAttributeOfAnObjectIsAProblem() {
        ObjectNode document = logon();
        ((ObjectNode) document.get("metadata")).remove("version");
        assertOneProblem(document, "metadata.version is required");
    }

    @Test
    void anIdOutsideItsEnumIsAProblem() {
        ObjectNode document = logon();
        document.put("activity_id", 8).put("type_uid", 300208);
        assertOneProblem(document, "activity_id is 8, not one of");
    }

    @Test
    void aNameThatIsNotItsIdsCaptionIsAProblem() {
        ObjectNode document = logon();
        document.put("activity_name", "Logoff");
        assertOneProblem(document, "activity_id is 1 (Logon) but its sibling activity_name says \"Logoff\"");
        document.put("activity_name", "Logon").put("class_name", "Authorization");
        assertOneProblem(document, "class_uid is 3002 (Authentication) but its sibling class_name");
    }

    @Test
    void aTypeIdThatDisagreesWithClassAndActivityIsAProblem() {
        ObjectNode document = logon();
        document.put("type_uid", 300202);
        assertOneProblem(document, "type_uid");
    }

    @Test
    void aCategoryOtherThanTheClasssIsAProblem() {
        ObjectNode document = logon();
        document.put("category_uid", 6);
        assertEquals(2, SCHEMA.validate(document).size(), () -> SCHEMA.validate(document).toString());
    }

    @Test
    void aValueOfTheWrongKindIsAProblem() {
        ObjectNode document = logon();
        document.put("time", "1521214343000");
        assertOneProblem(document, "time is \"1521214343000\", not a timestamp_t");
    }

    @Test
    void aValueThatDoesNotMatchItsTypesPatternIsAProblem() {
        ObjectNode document = logon();
        ((ObjectNode) document.get("src_endpoint")).put("ip", "1.23.45.678");
        assertOneProblem(document, "does not match the pattern of ip_t");
    }

    @Test
    void anUnmetConstraintIsAProblem() {
        ObjectNode document = logon();
        document.remove("service");
        assertOneProblem(document, "needs at least one of [\"service\",\"dst_endpoint\"]");
    }

    @Test
    void anAttributeOfAProfileTheDocumentDoesNotDeclareIsAProblem() {
        ObjectNode document = logon();
        document.putObject("api").put("operation", "auth.test");
        assertOneProblem(document, "api belongs to the profile cloud");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
