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
package dev.slackaudit.benchmarks;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where every contender puts each event's JSON: the same work for all of them. It adds the text's length to a
 * total, so no JIT can prove the JSON unused and skip building it, and costs next to nothing otherwise.
 * <p>
 * In verifying mode (the smoke test) it also parses each event's {@code id}, so the harness can check that every
 * event arrived exactly once; that is never timed.
 * <p>
 * Not thread-safe: every contender delivers from one thread, and the harness reads the totals only after the drain
 * has ended (a latch or a volatile read orders them).
 */
final class JsonSink {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> ids;
    private long events;
    private long chars;

    JsonSink(boolean recordIds) {
        this.ids = recordIds ? new ArrayList<>() : null;
    }

    void accept(String json) {
        events++;
        chars += json.length();
        if (ids != null) {
            ids.add(idOf(json));
        }
    }

    long events() {
        return events;
    }

    long chars() {
        return chars;
    }

    /** The ids seen, in arrival order; empty unless recording. */
    List<String> ids() {
        return ids == null ? List.of() : ids;
    }

    /** The Slack event id: {@code id} of a raw event, {@code event.id} of an ECS document, {@code metadata.uid} of OCSF. */
    private static String idOf(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            return tree.has("id") ? tree.path("id").asText(null)
                    : tree.has("event") ? tree.path("event").path("id").asText(null)
                    : tree.path("metadata").path("uid").asText(null);
        } catch (Exception e) {
            throw new IllegalStateException("a contender delivered something that is not an event: " + json, e);
        }
    }
}
