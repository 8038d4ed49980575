package dev.slackaudit.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One audit entry as served: its JSON rendered once up front (a page is a concatenation of these bytes),
 * plus the few fields that ordering and the {@code /logs} filters need, so serving never parses JSON.
 */
final class StoredEntry {

    /** The API order: newest first; inside a second by id, descending, so that every page is reproducible. */
    static final Comparator<StoredEntry> NEWEST_FIRST = Comparator.comparingLong(StoredEntry::dateCreate).reversed()
            .thenComparing(StoredEntry::sortKey, Comparator.reverseOrder());

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final long dateCreate;
    private final String id;
    private final String action;
    private final String actorId;
    private final String entityId;
    private final byte[] json;

    StoredEntry(long dateCreate, String id, String action, String actorId, String entityId, byte[] json) {
        this.dateCreate = dateCreate;
        this.id = id;
        this.action = action;
        this.actorId = actorId;
        this.entityId = entityId;
        this.json = json;
    }

    /**
     * Indexes an entry given as JSON text, which is then served exactly as given. Only {@code date_create} is
     * required (the API orders by it); an entry without {@code id} is allowed because collectors must survive one.
     */
    static StoredEntry verbatim(String json) {
        JsonNode entry;
        try {
            entry = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        if (entry == null || !entry.isObject()) {
            throw new IllegalArgumentException("an entry must be a JSON object: " + json);
        }
        JsonNode dateCreate = entry.get("date_create");
        if (dateCreate == null || !dateCreate.isIntegralNumber() || !dateCreate.canConvertToLong()) {
            throw new IllegalArgumentException("an entry needs an integer date_create (Unix seconds): " + json);
        }
        JsonNode entity = entry.path("entity");
        String entityType = entity.path("type").asText("");
        return new StoredEntry(dateCreate.longValue(),
                textOrNull(entry.get("id")),
                textOrNull(entry.get("action")),
                textOrNull(entry.path("actor").path("user").get("id")),
                textOrNull(entity.path(entityType).get("id")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    long dateCreate() {
        return dateCreate;
    }

    /** The entry's id, or {@code null} for a verbatim entry without one. */
    String id() {
        return id;
    }

    String action() {
        return action;
    }

    String actorId() {
        return actorId;
    }

    String entityId() {
        return entityId;
    }

    /** The served bytes; callers must not modify them. */
    byte[] json() {
        return json;
    }

    String jsonText() {
        return new String(json, StandardCharsets.UTF_8);
    }

    private String sortKey() {
        return id == null ? "" : id;
    }
}
