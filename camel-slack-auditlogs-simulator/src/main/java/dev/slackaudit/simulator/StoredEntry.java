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
package dev.slackaudit.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One audit entry as served, with the few fields that ordering and the {@code /logs} filters need, so serving
 * never parses JSON. Most entries hold their JSON rendered once up front (a page is a concatenation of these
 * bytes); a compact history holds {@link OnDemandEntry}s, which render theirs, identically, each time.
 */
abstract class StoredEntry {

    /** The API order: newest first; inside a second by id, descending, so that every page is reproducible. */
    static final Comparator<StoredEntry> NEWEST_FIRST = (a, b) -> {
        int bySecond = Long.compare(b.dateCreate, a.dateCreate);
        return bySecond != 0 ? bySecond : b.compareIdTo(a);
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final long dateCreate;
    private final String action;
    private final String actorId;

    StoredEntry(long dateCreate, String action, String actorId) {
        this.dateCreate = dateCreate;
        this.action = action;
        this.actorId = actorId;
    }

    /** An entry whose JSON is already rendered. */
    static StoredEntry rendered(long dateCreate, String id, String action, String actorId, String entityId, byte[] json) {
        return new Rendered(dateCreate, id, action, actorId, entityId, json);
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
        return rendered(dateCreate.longValue(),
                textOrNull(entry.get("id")),
                textOrNull(entry.get("action")),
                textOrNull(entry.path("actor").path("user").get("id")),
                textOrNull(entity.path(entityType).get("id")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    final long dateCreate() {
        return dateCreate;
    }

    /** The entry's id, or {@code null} for a verbatim entry without one. */
    abstract String id();

    final String action() {
        return action;
    }

    final String actorId() {
        return actorId;
    }

    abstract String entityId();

    /** The served bytes; callers must not modify them. An on-demand entry renders them on each call. */
    abstract byte[] json();

    String jsonText() {
        return new String(json(), StandardCharsets.UTF_8);
    }

    /** Orders ids as text ({@code null} first); {@link OnDemandEntry} compares two of its kind without building the text. */
    int compareIdTo(StoredEntry other) {
        return sortKey().compareTo(other.sortKey());
    }

    final String sortKey() {
        String id = id();
        return id == null ? "" : id;
    }

    private static final class Rendered extends StoredEntry {

        private final String id;
        private final String entityId;
        private final byte[] json;

        Rendered(long dateCreate, String id, String action, String actorId, String entityId, byte[] json) {
            super(dateCreate, action, actorId);
            this.id = id;
            this.entityId = entityId;
            this.json = json;
        }

        @Override
        String id() {
            return id;
        }

        @Override
        String entityId() {
            return entityId;
        }

        @Override
        byte[] json() {
            return json;
        }
    }
}
