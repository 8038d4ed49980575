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

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads {@link AuditLogEntry entries} with Jackson's streaming parser, in one pass: it slices each entry's exact
 * source bytes out of the page by token offsets and picks up the routing fields on the way, without building a tree.
 */
public final class AuditLogEntryReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AuditLogEntryReader() {
    }

    /**
     * Reads the entry whose {@code START_OBJECT} the parser is on. The parser must read from {@code source} (a byte
     * array, so token locations are byte offsets into it); on return it is on the entry's {@code END_OBJECT}.
     */
    public static AuditLogEntry read(JsonParser parser, byte[] source) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("Expected an audit log entry (a JSON object) but found " + parser.currentToken()
                                  + " at " + parser.currentTokenLocation());
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> fields.id = textOrNull(parser, value);
                case "date_create" -> fields.dateCreate = value.isNumeric() ? parser.getLongValue() : parseLong(parser, value);
                case "action" -> fields.action = textOrNull(parser, value);
                case "actor" -> fields.actorId = readChildId(parser, "user");
                case "entity" -> readEntity(parser, fields);
                case "context" -> fields.locationId = readChildId(parser, "location");
                default -> parser.skipChildren();
            }
        }
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        String json = new String(source, start, end - start, StandardCharsets.UTF_8);
        return fields.toEntry(singleLine(json));
    }

    /** Reads one entry from its JSON text. */
    public static AuditLogEntry parse(String json) {
        byte[] source = json.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = FACTORY.createParser(source)) {
            parser.nextToken();
            AuditLogEntry entry = read(parser, source);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Not a single audit log entry: text follows the JSON object");
            }
            return entry;
        } catch (IOException e) {
            throw new IllegalArgumentException("Not an audit log entry (a JSON object): " + e.getMessage(), e);
        }
    }

    /** Reads the object the parser is on and returns the id of its child object {@code child}, or null. */
    private static String readChildId(JsonParser parser, String child) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (child.equals(name) && value == JsonToken.START_OBJECT) {
                id = readIdOf(parser);
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    private static void readEntity(JsonParser parser, Fields fields) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        // entity is {type, <type>: {...}}. Slack writes the type first; should an object come before it, keep the
        // ids of those objects until the type says which one counts (a rare case, so no map for the common one)
        List<String> earlierKeysAndIds = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(name)) {
                fields.entityType = textOrNull(parser, value);
            } else if (value == JsonToken.START_OBJECT && fields.entityType != null) {
                if (name.equals(fields.entityType)) {
                    fields.entityId = readIdOf(parser);
                } else {
                    parser.skipChildren();
                }
            } else if (value == JsonToken.START_OBJECT) {
                if (earlierKeysAndIds == null) {
                    earlierKeysAndIds = new ArrayList<>(2);
                }
                earlierKeysAndIds.add(name);
                earlierKeysAndIds.add(readIdOf(parser));
            } else {
                parser.skipChildren();
            }
        }
        if (fields.entityId == null && fields.entityType != null && earlierKeysAndIds != null) {
            for (int i = 0; i < earlierKeysAndIds.size(); i += 2) {
                if (fields.entityType.equals(earlierKeysAndIds.get(i))) {
                    fields.entityId = earlierKeysAndIds.get(i + 1);
                }
            }
        }
    }

    /** Reads an object the parser is on, returning its {@code id} as text (ids are strings, but numbers occur). */
    private static String readIdOf(JsonParser parser) throws IOException {
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(name)) {
                id = textOrNull(parser, value);
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    private static String textOrNull(JsonParser parser, JsonToken value) throws IOException {
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private static long parseLong(JsonParser parser, JsonToken value) throws IOException {
        String text = textOrNull(parser, value);
        try {
            return text == null ? 0L : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /**
     * Slack sends compact JSON, but an entry from a pretty-printed source would break JSON Lines sinks. Line breaks can
     * only occur between tokens (never inside a JSON string), so re-writing the tokens on one line changes nothing
     * but whitespace; numbers are copied as their exact text and duplicate keys survive.
     */
    private static String singleLine(String json) throws IOException {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        StringWriter out = new StringWriter(json.length());
        try (JsonParser parser = FACTORY.createParser(json); JsonGenerator gen = FACTORY.createGenerator(out)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                gen.copyCurrentEventExact(parser);
            }
        }
        return out.toString();
    }

    private static final class Fields {
        String id;
        long dateCreate;
        String action;
        String actorId;
        String entityType;
        String entityId;
        String locationId;

        AuditLogEntry toEntry(String json) {
            return new AuditLogEntry(json, id, dateCreate, action, actorId, entityType, entityId, locationId);
        }
    }
}
