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
package dev.slackaudit.camel;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slackaudit.camel.model.AuditLogBatch;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Converter;

/**
 * Lets any endpoint take an {@link AuditLogEntry} body: as text, bytes or a stream it is the event's JSON as Slack sent
 * it, so {@code to("file:...")}, {@code to("jms:...")} or {@code to("kafka:...")} need no user code; as a map it is
 * the parsed event. An {@link AuditLogBatch} body (consumer option {@code batchSize}) becomes JSON Lines text, bytes or
 * a stream, one event per line, and a Jackson {@link ArrayNode} of the events. The batch converters are registered for
 * {@code AuditLogBatch}, not {@code List}, so they never change how the CamelContext converts its other lists.
 */
@Converter(generateLoader = true)
public final class SlackAuditLogsConverters {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackAuditLogsConverters() {
    }

    @Converter
    public static String toString(AuditLogEntry entry) {
        return entry.toJson();
    }

    @Converter
    public static byte[] toBytes(AuditLogEntry entry) {
        return entry.toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(AuditLogEntry entry) {
        return new ByteArrayInputStream(toBytes(entry));
    }

    @Converter
    public static Map<String, Object> toMap(AuditLogEntry entry) {
        return MAPPER.convertValue(entry.asTree(), new TypeReference<Map<String, Object>>() {
        });
    }

    @Converter
    public static AuditLogEntry toAuditLogEntry(String json) {
        return AuditLogEntry.parse(json);
    }

    /** The batch as JSON Lines: {@link AuditLogBatch#toJsonLines()}. */
    @Converter
    public static String toString(AuditLogBatch batch) {
        return batch.toJsonLines();
    }

    @Converter
    public static byte[] toBytes(AuditLogBatch batch) {
        return batch.toJsonLines().getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(AuditLogBatch batch) {
        return new ByteArrayInputStream(toBytes(batch));
    }

    /** The batch as a JSON array of the parsed events (for text, {@link AuditLogBatch#toJsonArray()}). */
    @Converter
    public static ArrayNode toArrayNode(AuditLogBatch batch) {
        ArrayNode array = MAPPER.createArrayNode();
        batch.forEach(entry -> array.add(entry.asTree()));
        return array;
    }
}
