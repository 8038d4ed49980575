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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The same events with one change, so Slack's Java SDK can read them at all: {@code details.reason}, an array of
 * codes on {@code anomaly} events (Slack's own documentation example: docs/slack-api.md, The fields of an event), becomes one comma-separated
 * string. The SDK's model types {@code reason} as a {@code String} and Gson rejects the whole page otherwise. Only
 * those events change; ids, times, order and page boundaries stay the same.
 */
final class SdkReadableEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param events    every event, the changed ones rewritten
     * @param rewritten how many were changed
     */
    record Rewrite(List<String> events, int rewritten) {
    }

    private SdkReadableEvents() {
    }

    static Rewrite of(List<String> eventJson) {
        List<String> events = new ArrayList<>(eventJson.size());
        int rewritten = 0;
        for (String json : eventJson) {
            // cheap test first: a tree for every one of a million events would dominate the harness's start-up
            if (json.contains("\"reason\":[")) {
                String flattened = flattenReason(json);
                if (!flattened.equals(json)) {
                    rewritten++;
                }
                events.add(flattened);
            } else {
                events.add(json);
            }
        }
        return new Rewrite(events, rewritten);
    }

    private static String flattenReason(String json) {
        try {
            ObjectNode entry = (ObjectNode) MAPPER.readTree(json);
            JsonNode details = entry.path("details");
            if (details.path("reason") instanceof ArrayNode reasons) {
                List<String> codes = new ArrayList<>();
                reasons.forEach(code -> codes.add(code.asText()));
                ((ObjectNode) details).put("reason", String.join(",", codes));
            }
            return MAPPER.writeValueAsString(entry);
        } catch (Exception e) {
            throw new IllegalStateException("cannot rewrite " + json, e);
        }
    }
}
