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
package dev.slackaudit.camel.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogEntryReaderTest {

    private static final String LOGIN = "{\"id\":\"e1\",\"date_create\":1521214343,\"action\":\"user_login\","
                                        + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W123\",\"name\":\"Charlie\"}},"
                                        + "\"entity\":{\"type\":\"user\",\"user\":{\"id\":\"W456\"}},"
                                        + "\"context\":{\"location\":{\"type\":\"workspace\",\"id\":\"T789\"},"
                                        + "\"session_id\":847288190092,\"new_attribute\":[1,2]}}";

    @Test
    void extractsTheRoutingFields() {
        AuditLogEntry entry = AuditLogEntry.parse(LOGIN);
        assertEquals("e1", entry.getId());
        assertEquals(1521214343L, entry.getDateCreate());
        assertEquals("user_login", entry.getAction());
        assertEquals("W123", entry.getActorId());
        assertEquals("user", entry.getEntityType());
        assertEquals("W456", entry.getEntityId());
        assertEquals("T789", entry.getLocationId());
    }

    @Test
    void keepsTheSourceTextByteForByte() {
        assertEquals(LOGIN, AuditLogEntry.parse(LOGIN).toJson());
    }

    @Test
    void keepsDuplicateKeysAndNumberTextThatATreeWouldLose() {
        String json = "{\"id\":\"e2\",\"date_create\":1,\"details\":{\"flag\":true,\"flag\":false,\"ts\":1.50000000000000000001}}";
        assertEquals(json, AuditLogEntry.parse(json).toJson());
    }

    @Test
    void findsTheEntityIdWhenTheTypeComesAfterItsObject() {
        AuditLogEntry entry = AuditLogEntry.parse(
                "{\"id\":\"e3\",\"entity\":{\"channel\":{\"id\":\"C1\"},\"app\":{\"id\":\"A1\"},\"type\":\"channel\"}}");
        assertEquals("channel", entry.getEntityType());
        assertEquals("C1", entry.getEntityId());
    }

    @Test
    void writesAPrettyPrintedEntryOnOneLineWithTheSameContent() {
        String pretty = "{\n  \"id\" : \"e4\",\n  \"date_create\" : 5,\n  \"details\" : {\n    \"x\" : [ 1, 2 ]\n  }\n}";
        assertEquals("{\"id\":\"e4\",\"date_create\":5,\"details\":{\"x\":[1,2]}}", AuditLogEntry.parse(pretty).toJson());
    }

    @Test
    void dedupesAnEntryWithoutIdByADigestOfItsJson() {
        AuditLogEntry entry = AuditLogEntry.parse("{\"date_create\":5,\"action\":\"user_login\"}");
        assertNull(entry.getId());
        assertTrue(entry.getDedupeKey().startsWith("sha256:"), entry.getDedupeKey());
        assertEquals(entry.getDedupeKey(), AuditLogEntry.parse("{\"date_create\":5,\"action\":\"user_login\"}").getDedupeKey());
    }

    @Test
    void toleratesFieldsOfUnexpectedTypes() {
        AuditLogEntry entry = AuditLogEntry.parse(
                "{\"id\":7,\"date_create\":\"9\",\"actor\":\"USLACKUSER\",\"entity\":null,\"context\":[]}");
        assertEquals("7", entry.getId());
        assertEquals(9L, entry.getDateCreate());
        assertNull(entry.getActorId());
        assertNull(entry.getEntityType());
    }

    @Test
    void refusesTextThatIsNotOneObject() {
        assertThrows(IllegalArgumentException.class, () -> AuditLogEntry.parse("[1]"));
        assertThrows(IllegalArgumentException.class, () -> AuditLogEntry.parse("{\"id\":\"e5\"} {}"));
        assertThrows(IllegalArgumentException.class, () -> AuditLogEntry.parse("{\"id\":"));
    }

    @Test
    void exposesTheNestedObjectsAsTrees() {
        AuditLogEntry entry = AuditLogEntry.parse(LOGIN);
        assertEquals(847288190092L, entry.getContext().path("session_id").asLong());
        assertEquals("Charlie", entry.getActor().path("user").path("name").asText());
        assertTrue(entry.getDetails().isMissingNode());
    }
}
