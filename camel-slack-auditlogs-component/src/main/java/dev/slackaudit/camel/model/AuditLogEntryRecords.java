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

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An entry as a binary record: its JSON text and the fields {@link AuditLogEntryReader} picked out of it, each string
 * as its UTF-8 length and bytes. Reading a record back builds the same entry without parsing its JSON again; the
 * consumer keeps a large window's pages on disk this way and reads them back once per delivery (JSON parsing was most
 * of a dense backfill's CPU time when the pages went to disk as JSON).
 * <p>
 * A record lives no longer than the consumer that wrote it (a spool file is deleted when its window is delivered), so
 * the layout carries no version.
 */
public final class AuditLogEntryRecords {

    private static final int NULL = -1;

    private AuditLogEntryRecords() {
    }

    /** Appends {@code entry} as one record. */
    public static void write(AuditLogEntry entry, DataOutput out) throws IOException {
        out.writeLong(entry.getDateCreate());
        writeString(entry.getId(), out);
        writeString(entry.getAction(), out);
        writeString(entry.getActorId(), out);
        writeString(entry.getEntityType(), out);
        writeString(entry.getEntityId(), out);
        writeString(entry.getLocationId(), out);
        writeString(entry.toJson(), out);
    }

    /** Reads the record at the buffer's position (the buffer must have a backing array) and moves past it. */
    public static AuditLogEntry read(ByteBuffer in) throws IOException {
        long dateCreate = in.getLong();
        String id = readString(in);
        String action = readString(in);
        String actorId = readString(in);
        String entityType = readString(in);
        String entityId = readString(in);
        String locationId = readString(in);
        String json = readString(in);
        if (json == null) {
            throw new IOException("Not an audit log entry record: it holds no JSON");
        }
        return new AuditLogEntry(json, id, dateCreate, action, actorId, entityType, entityId, locationId);
    }

    private static void writeString(String value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length == NULL) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
