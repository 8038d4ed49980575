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
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Slack audit event, exactly as Slack sent it.
 * <p>
 * The entry keeps the JSON text it was read from ({@link #toJson()}), so fields this library does not know, fields
 * whose type drifts (docs/slack-api.md, The fields of an event) and even duplicate keys reach the user unchanged. The fields every
 * route needs for routing and dedupe are extracted once, while the page is parsed; the nested objects ({@link #getActor()},
 * {@link #getEntity()}, {@link #getContext()}, {@link #getDetails()}) are parsed lazily from the source text on first use,
 * so a consumer that only forwards the JSON never builds a tree.
 * <p>
 * Jackson serialises an entry as its source JSON (see {@link #serialize}), so {@code marshal().json()} writes the
 * event, not this wrapper.
 */
public final class AuditLogEntry implements JsonSerializable {

    /** Reads trees; a reader made once, so a read does not look its target type up again (the SIEM data types read one per event). */
    private static final ObjectReader TREE_READER = new ObjectMapper().readerFor(JsonNode.class);

    private final String json;
    private final String id;
    private final long dateCreate;
    private final String action;
    private final String actorId;
    private final String entityType;
    private final String entityId;
    private final String locationId;
    private volatile JsonNode tree;

    AuditLogEntry(String json, String id, long dateCreate, String action, String actorId, String entityType,
                  String entityId, String locationId) {
        this.json = Objects.requireNonNull(json, "json");
        this.id = id;
        this.dateCreate = dateCreate;
        this.action = action;
        this.actorId = actorId;
        this.entityType = entityType;
        this.entityId = entityId;
        this.locationId = locationId;
    }

    /**
     * Reads one entry from its JSON text, e.g. a line of a JSON Lines file this component wrote.
     *
     * @throws IllegalArgumentException if the text is not one JSON object
     */
    public static AuditLogEntry parse(String json) {
        return AuditLogEntryReader.parse(json);
    }

    /** The event's JSON, as Slack sent it (on one line: whitespace between tokens is the only thing ever removed). */
    public String toJson() {
        return json;
    }

    /** The event id (a UUID-like string), or {@code null} if Slack sent none. */
    public String getId() {
        return id;
    }

    /**
     * The key that identifies this event for dedupe: its id, or for the rare entry without one (docs/slack-api.md, The fields of an event) a
     * digest of its JSON, so such entries are still delivered once.
     */
    public String getDedupeKey() {
        return id != null && !id.isEmpty() ? id : "sha256:" + Digests.sha256Hex(json);
    }

    /** When the event happened, in whole Unix seconds ({@code date_create}); 0 if absent. */
    public long getDateCreate() {
        return dateCreate;
    }

    /** {@link #getDateCreate()} as an instant. */
    public Instant getDateCreateInstant() {
        return Instant.ofEpochSecond(dateCreate);
    }

    /** The action name, e.g. {@code user_login}. */
    public String getAction() {
        return action;
    }

    /** {@code actor.user.id}: the user who acted, e.g. {@code W123AB456}, {@code USLACKSECURITY}. */
    public String getActorId() {
        return actorId;
    }

    /** {@code entity.type}, e.g. {@code user}, {@code channel}, {@code file}. */
    public String getEntityType() {
        return entityType;
    }

    /** The id inside the entity's type-named object, e.g. {@code entity.channel.id}. */
    public String getEntityId() {
        return entityId;
    }

    /** {@code context.location.id}: the workspace ({@code T...}) or organisation ({@code E...}) it happened in. */
    public String getLocationId() {
        return locationId;
    }

    /** The whole event as a Jackson tree (parsed on first use). */
    public JsonNode asTree() {
        JsonNode answer = tree;
        if (answer == null) {
            try {
                answer = TREE_READER.readTree(json);
            } catch (IOException e) {
                // the text was parsed once already when the entry was read, so this cannot happen
                throw new UncheckedIOException(e);
            }
            tree = answer;
        }
        return answer;
    }

    /**
     * A new tree of the event, parsed from its JSON on every call and kept by no one but the caller, who may take it
     * apart. The SIEM data types move its parts into their documents this way without copying them. {@link #asTree()}
     * keeps its tree for the getters, which would hold a tree in memory for every event of a window the consumer
     * keeps; this does not.
     */
    public ObjectNode parseTree() {
        try {
            // the reader accepted only a JSON object, so this is one
            return (ObjectNode) TREE_READER.readTree(json);
        } catch (IOException e) {
            // the text was parsed once already when the entry was read, so this cannot happen
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code actor} object (missing node if absent). */
    public JsonNode getActor() {
        return asTree().path("actor");
    }

    /** The {@code entity} object (missing node if absent). */
    public JsonNode getEntity() {
        return asTree().path("entity");
    }

    /** The {@code context} object (missing node if absent). */
    public JsonNode getContext() {
        return asTree().path("context");
    }

    /** The action-specific {@code details} object (missing node if absent; its field types vary by action). */
    public JsonNode getDetails() {
        return asTree().path("details");
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditLogEntry other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The event's JSON. */
    @Override
    public String toString() {
        return json;
    }
}
