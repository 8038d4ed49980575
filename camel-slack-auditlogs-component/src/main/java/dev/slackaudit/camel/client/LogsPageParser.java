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
package dev.slackaudit.camel.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.model.AuditLogEntryReader;

/**
 * Parses a {@code /logs} response body with Jackson's streaming parser. Unknown top-level fields are skipped; an
 * incomplete or malformed body is an {@link IOException} (the caller retries the page).
 */
final class LogsPageParser {

    private static final JsonFactory FACTORY = new JsonFactory();

    private LogsPageParser() {
    }

    static LogsPage parse(byte[] body) throws IOException {
        List<AuditLogEntry> entries = new ArrayList<>();
        String cursor = null;
        try (JsonParser parser = FACTORY.createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("entries".equals(name) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        entries.add(AuditLogEntryReader.read(parser, body));
                    }
                } else if ("response_metadata".equals(name) && value == JsonToken.START_OBJECT) {
                    cursor = readNextCursor(parser);
                } else {
                    parser.skipChildren();
                }
            }
            expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
            if (parser.nextToken() != null) {
                throw new IOException("Unexpected content after the JSON body at " + parser.currentTokenLocation());
            }
        }
        return new LogsPage(entries, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static String readNextCursor(JsonParser parser) throws IOException {
        String cursor = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("next_cursor".equals(name) && value == JsonToken.VALUE_STRING) {
                cursor = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return cursor;
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("Malformed /logs response: expected " + expected + " but found " + actual + " at "
                                  + parser.currentTokenLocation());
        }
    }
}
