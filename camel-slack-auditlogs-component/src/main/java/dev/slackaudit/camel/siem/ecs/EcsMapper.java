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
package dev.slackaudit.camel.siem.ecs;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.siem.EventMapper;

/**
 * Maps a Slack audit event to an Elastic Common Schema document: everything Elastic's {@code slack} integration maps,
 * field for field, plus the acted-on user ({@code user.target.*}), a categorization of every action and, through
 * {@link EcsEnrichment}s, the parsed user agent and the source's place and network. The event as Slack sent it is
 * {@code event.original}; every Slack field without an ECS field stays under {@code slack.audit.*}. The field table is
 * in docs/ecs.md.
 * <p>
 * A field of unexpected type (an actor that is not an object, an {@code ip_address} that is no IP address, a
 * {@code date_create} that is no number) is left out of the document; the rest of the event is still mapped.
 */
public final class EcsMapper implements EventMapper {

    /** The ECS release the documents follow ({@code ecs.version}). */
    public static final String ECS_VERSION = "9.4.0";

    /** Where Elastic looks for the entity's object when {@code entity.type} does not name one, in Elastic's order. */
    private static final List<String> ENTITY_OBJECTS = List.of("workspace", "enterprise", "user", "file", "channel",
            "app", "workflow", "usergroup", "barrier", "message", "role", "account_type_role");
    /** The top-level fields of an event the mapping reads; any other is kept under {@code slack.audit}. */
    private static final Set<String> EVENT_FIELDS = Set.of("id", "date_create", "action", "actor", "entity", "context",
            "details");
    /** The context fields that map to ECS fields; the others stay under {@code slack.audit.context}. */
    private static final Set<String> CONTEXT_FIELDS = Set.of("location", "session_id", "ua", "ip_address");

    private final List<EcsEnrichment> enrichments;

    /** A mapper without enrichment. */
    public EcsMapper() {
        this(List.of());
    }

    /** A mapper that applies these enrichments, in this order, to each document. */
    public EcsMapper(List<EcsEnrichment> enrichments) {
        this.enrichments = List.copyOf(enrichments);
    }

    /**
     * Maps the event. The tree it reads is the event's own fresh copy ({@link AuditLogEntry#parseTree()}), so its
     * parts move into the document as they are, without copies.
     */
    @Override
    public ObjectNode map(AuditLogEntry entry) {
        ObjectNode event = entry.parseTree();
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode audit = JsonNodeFactory.instance.objectNode();
        RelatedValues related = new RelatedValues();

        timestamp(event, document, audit);
        document.putObject("ecs").put("version", ECS_VERSION);
        eventFields(entry, event, document);
        actor(event.path("actor"), document, audit, related);
        String entityType = entity(event.path("entity"), document, audit, related);
        context(event.path("context"), document, audit, related);
        ObjectNode details = EcsDetails.map(event.path("details"), entityType, document, related);
        if (details != null) {
            audit.set("details", details);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = event.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!EVENT_FIELDS.contains(field.getKey())) {
                audit.set(field.getKey(), field.getValue());
            }
        }
        related.writeTo(document);
        document.putObject("slack").set("audit", audit);
        EmptyValues.prune(document);
        for (EcsEnrichment enrichment : enrichments) {
            enrichment.enrich(document);
        }
        return document;
    }

    /** {@code date_create}, or for an anomaly its precise {@code action_timestamp} (then date_create stays too). */
    private static void timestamp(JsonNode event, ObjectNode document, ObjectNode audit) {
        Instant created = EcsTimestamp.ofDateCreate(event.get("date_create"));
        Instant acted = EcsTimestamp.ofActionTimestamp(event.path("details").get("action_timestamp"));
        Instant timestamp = acted != null ? acted : created;
        if (timestamp != null) {
            document.put("@timestamp", EcsTimestamp.format(timestamp));
        }
        if (acted != null && created != null) {
            audit.put("date_create", EcsTimestamp.format(created));
        }
    }

    private static void eventFields(AuditLogEntry entry, JsonNode event, ObjectNode document) {
        ObjectNode fields = document.putObject("event");
        String action = text(event.get("action"));
        fields.put("action", action);
        fields.put("id", scalarText(event.get("id")));
        EcsCategorization categorization = EcsCategories.of(action);
        fields.put("kind", categorization.kind());
        categorization.categories().forEach(fields.putArray("category")::add);
        categorization.types().forEach(fields.putArray("type")::add);
        fields.put("outcome", categorization.outcome());
        fields.put("original", entry.toJson());
    }

    /** The acting user as {@code user.*}; the rest of the actor (its type, the user's team) under slack.audit. */
    private static void actor(JsonNode actor, ObjectNode document, ObjectNode audit, RelatedValues related) {
        if (!actor.isObject()) {
            return;
        }
        ObjectNode rest = (ObjectNode) actor;
        JsonNode slackUser = rest.path("user");
        if (slackUser.isObject()) {
            ObjectNode user = document.putObject("user");
            String id = scalarText(((ObjectNode) slackUser).remove("id"));
            String name = text(((ObjectNode) slackUser).remove("name"));
            String email = text(((ObjectNode) slackUser).remove("email"));
            user.put("id", id).put("full_name", name).put("email", email);
            related.user(id);
            related.user(email);
        }
        audit.set("actor", rest);
    }

    /**
     * The acted-on entity under {@code slack.audit.entity} (its object, with {@code entity_type}), as Elastic keeps it;
     * for a user also as {@code user.target.*}. Returns the entity's type.
     */
    private static String entity(JsonNode entity, ObjectNode document, ObjectNode audit, RelatedValues related) {
        if (!entity.isObject()) {
            return null;
        }
        String type = text(entity.get("type"));
        String objectName = type != null && entity.path(type).isObject() ? type : null;
        for (Iterator<String> names = ENTITY_OBJECTS.iterator(); objectName == null && names.hasNext();) {
            String name = names.next();
            objectName = entity.path(name).isObject() ? name : null;
        }
        ObjectNode kept = objectName == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) entity.get(objectName);
        kept.put("entity_type", type);
        for (Iterator<Map.Entry<String, JsonNode>> fields = entity.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!"type".equals(name) && !name.equals(objectName) && !kept.has(name)) {
                kept.set(name, field.getValue());
            }
        }
        audit.set("entity", kept);
        if ("user".equals(type) && "user".equals(objectName)) {
            String id = scalarText(kept.get("id"));
            String email = text(kept.get("email"));
            document.withObjectProperty("user").putObject("target")
                    .put("id", id).put("full_name", text(kept.get("name"))).put("email", email);
            related.user(id);
            related.user(email);
        }
        if ("file".equals(type) && "file".equals(objectName)) {
            document.withObjectProperty("file").put("name", text(kept.get("name")));
        }
        return type;
    }

    /** Where and how: source address, user agent, and the workspace or organisation with the session id. */
    private static void context(JsonNode context, ObjectNode document, ObjectNode audit, RelatedValues related) {
        if (!context.isObject()) {
            return;
        }
        String ua = text(context.get("ua"));
        if (ua != null && !ua.isEmpty()) {
            document.putObject("user_agent").put("original", ua);
        }
        String address = text(context.get("ip_address"));
        if (address != null && !address.isEmpty()) {
            ObjectNode source = document.putObject("source").put("address", address);
            if (IpLiteral.parse(address) != null) {
                source.put("ip", address);
                related.ip(address);
            }
        }
        ObjectNode kept = context.path("location").isObject()
                ? (ObjectNode) context.get("location") : JsonNodeFactory.instance.objectNode();
        kept.put("session_id", scalarText(context.get("session_id")));
        for (Iterator<Map.Entry<String, JsonNode>> fields = context.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CONTEXT_FIELDS.contains(field.getKey()) && !kept.has(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        }
        audit.set("context", kept);
    }

    /** A text value, or {@code null} for any other type (left out). */
    private static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A text or number as text (ids and session ids come as either), or {@code null} for any other type. */
    private static String scalarText(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isIntegralNumber() ? value.asText() : null;
    }
}
