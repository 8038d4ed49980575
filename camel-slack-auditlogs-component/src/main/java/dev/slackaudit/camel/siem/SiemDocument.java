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
package dev.slackaudit.camel.siem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One audit event as a SIEM document (an ECS or OCSF JSON object): the body of an exchange after
 * {@code transformDataType("slack-auditlogs:ecs")} or {@code "slack-auditlogs:ocsf"}.
 * <p>
 * A type of its own rather than a bare {@link ObjectNode}, so that its converters (one-line JSON text, bytes, a
 * stream, a {@code Map}; see {@link SiemConverters}) apply to these documents only. Jackson writes it as the document
 * itself, so {@code marshal().json()} gives the same text as {@link #toJson()}.
 */
public final class SiemDocument implements JsonSerializable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Writes documents; made once, so a write does not look its serializer up again. */
    private static final ObjectWriter WRITER = MAPPER.writerFor(JsonNode.class);

    private final ObjectNode tree;

    public SiemDocument(ObjectNode tree) {
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    /** The document as a Jackson tree (the live tree, not a copy). */
    public ObjectNode asTree() {
        return tree;
    }

    /** The document as one line of JSON. */
    public String toJson() {
        try {
            return WRITER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // a tree of JSON nodes always serializes
            throw new UncheckedIOException(e);
        }
    }

    /** The document as nested maps and lists, for routes that work with {@code Map} bodies. */
    public Map<String, Object> toMap() {
        return MAPPER.convertValue(tree, new TypeReference<Map<String, Object>>() {
        });
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeTree(tree);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiemDocument other && tree.equals(other.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    /** The document's JSON. */
    @Override
    public String toString() {
        return toJson();
    }
}
