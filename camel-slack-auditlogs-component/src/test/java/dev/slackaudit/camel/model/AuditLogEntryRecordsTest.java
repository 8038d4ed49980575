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

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Entries written as binary records and read back, as the consumer's spool keeps them on disk. */
class AuditLogEntryRecordsTest {

    private static final AuditLogEntry LOGIN = AuditLogEntry.parse(
            "{\"id\":\"e1\",\"date_create\":1521214343,\"action\":\"user_login\","
            + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W123\",\"name\":\"Zoë ☃\"}},"
            + "\"entity\":{\"type\":\"user\",\"user\":{\"id\":\"W456\"}},"
            + "\"context\":{\"location\":{\"type\":\"workspace\",\"id\":\"T789\"}},\"new_attribute\":[1,2]}");
    private static final AuditLogEntry WITHOUT_ID_OR_ROUTING = AuditLogEntry.parse("{\"date_create\":7,\"details\":{}}");

    private static List<AuditLogEntry> roundTrip(AuditLogEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (AuditLogEntry entry : entries) {
            AuditLogEntryRecords.write(entry, out);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        List<AuditLogEntry> read = new ArrayList<>();
        while (in.hasRemaining()) {
            read.add(AuditLogEntryRecords.read(in));
        }
        return read;
    }

    @Test
    void readsBackTheJsonAndEveryRoutingField() throws IOException {
        AuditLogEntry read = roundTrip(LOGIN).get(0);
        assertEquals(LOGIN.toJson(), read.toJson());
        assertEquals(List.of("e1", "user_login", "W123", "user", "W456", "T789"),
                List.of(read.getId(), read.getAction(), read.getActorId(), read.getEntityType(), read.getEntityId(),
                        read.getLocationId()));
        assertEquals(1521214343L, read.getDateCreate());
    }

    @Test
    void keepsAbsentFieldsAbsent() throws IOException {
        AuditLogEntry read = roundTrip(WITHOUT_ID_OR_ROUTING).get(0);
        assertNull(read.getId());
        assertNull(read.getAction());
        assertNull(read.getEntityType());
        assertEquals(WITHOUT_ID_OR_ROUTING.getDedupeKey(), read.getDedupeKey());
        assertFalse(read.getDedupeKey().isEmpty());
    }

    @Test
    void readsRecordsBackToBackInTheOrderWritten() throws IOException {
        assertEquals(List.of(LOGIN, WITHOUT_ID_OR_ROUTING, LOGIN), roundTrip(LOGIN, WITHOUT_ID_OR_ROUTING, LOGIN));
    }
}
