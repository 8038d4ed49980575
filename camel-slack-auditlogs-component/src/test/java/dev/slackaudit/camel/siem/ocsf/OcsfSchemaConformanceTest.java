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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.OcsfSchema;
import dev.slackaudit.camel.testing.OcsfTestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document the mapper makes is valid against the OCSF schema's own definitions (see {@link OcsfSchema}): for
 * every event of the real samples, and for one event per action of Slack's {@code /actions} listing.
 */
class OcsfSchemaConformanceTest {

    private static final OcsfSchema SCHEMA = OcsfSchema.load(OcsfMapper.SCHEMA_VERSION);
    private static final OcsfMapper MAPPER = new OcsfMapper();

    static Stream<Arguments> sampleEvents() {
        return OcsfTestEvents.samples().stream().map(entry -> Arguments.of(entry.getAction() + " " + entry.getId(), entry));
    }

    static Stream<Arguments> oneEventPerAction() {
        return OcsfTestEvents.onePerAction().stream().map(entry -> Arguments.of(entry.getAction(), entry));
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("sampleEvents")
    void everySampleEventGivesAValidDocument(String name, AuditLogEntry entry) {
        assertValid(MAPPER.map(entry));
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("oneEventPerAction")
    void everyActionOfTheListingGivesAValidDocument(String action, AuditLogEntry entry) {
        assertValid(MAPPER.map(entry));
    }

    @Test
    void theActionsOfTheListingCoverEveryClassButTheLastResort() {
        Set<Integer> classes = OcsfTestEvents.onePerAction().stream()
                .map(entry -> MAPPER.map(entry).get("class_uid").asInt()).collect(Collectors.toSet());
        Set<Integer> expected = EnumSet.complementOf(EnumSet.of(OcsfClass.BASE_EVENT)).stream()
                .map(OcsfClass::classUid).collect(Collectors.toSet());
        assertEquals(expected, classes);
    }

    @Test
    void theClassIdsAreTheSchemasOwn() {
        assertEquals(3002, SCHEMA.eventClass("authentication").uid());
        for (OcsfClass ocsfClass : OcsfClass.values()) {
            String name = switch (ocsfClass) {
                case AUTHENTICATION -> "authentication";
                case ACCOUNT_CHANGE -> "account_change";
                case ENTITY_MANAGEMENT -> "entity_management";
                case GROUP_MANAGEMENT -> "group_management";
                case FILE_HOSTING -> "file_hosting";
                case API_ACTIVITY -> "api_activity";
                case DETECTION_FINDING -> "detection_finding";
                case BASE_EVENT -> "base_event";
            };
            OcsfSchema.ResolvedType resolved = SCHEMA.eventClass(name);
            assertEquals(resolved.uid(), ocsfClass.classUid(), name);
            assertEquals(resolved.categoryUid(), ocsfClass.categoryUid(), name);
        }
    }

    static void assertValid(ObjectNode document) {
        List<String> problems = SCHEMA.validate(document);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\nin " + document.toPrettyString());
    }
}
