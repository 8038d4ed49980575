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

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The action-specific {@code details} of an event: every key under {@code slack.audit.details}, with the few that
 * ECS has a field for mapped as Elastic's pipeline does ({@code url_private} to {@code url.*}, {@code md5_hash} to
 * {@code file.hash.md5} and {@code related.hash}), and the keys whose type Slack varies given one type each, so that
 * an index maps them the same way for every event (docs/ecs.md, "Bad input").
 */
final class EcsDetails {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys sent as a string, an array or an object, depending on the setting changed: kept as their JSON text. */
    private static final List<String> AS_TEXT = List.of("new_value", "previous_value");
    /** Keys sent as an array of user ids or as a string holding that array's JSON: kept as an array. */
    private static final List<String> USER_LISTS = List.of("succeeded_users", "failed_users");

    private EcsDetails() {
    }

    /**
     * Maps {@code details} into the document and returns what goes under {@code slack.audit.details}: the event's own
     * details object, changed in place (the mapper owns the event's tree); {@code null} if the event has no details
     * object.
     */
    static ObjectNode map(JsonNode details, String entityType, ObjectNode document, RelatedValues related) {
        if (!details.isObject()) {
            return null;
        }
        ObjectNode kept = (ObjectNode) details;
        // the anomaly's time is the document's @timestamp (EcsTimestamp)
        kept.remove("action_timestamp");
        rename(kept, "previous_ua", "previous_user_agent");
        keepIf(kept, "previous_user_agent", JsonNode::isTextual);
        keepIf(kept, "previous_ip_address", v -> v.isTextual() && IpLiteral.parse(v.textValue()) != null);
        rename(kept, "md5_hash", "md5");
        keepIf(kept, "md5", JsonNode::isTextual);
        keepIf(kept, "url_private", JsonNode::isTextual);
        keepIf(kept, "location", JsonNode::isTextual);
        JsonNode reason = kept.get("reason");
        if (reason != null) {
            kept.set("reason", stringArray(reason));
        }
        for (String key : AS_TEXT) {
            JsonNode value = kept.get(key);
            if (value != null && !value.isTextual() && !value.isNull()) {
                kept.put(key, value.toString());
            }
        }
        for (String key : USER_LISTS) {
            JsonNode value = kept.get(key);
            if (value != null) {
                kept.set(key, stringArray(value.isTextual() ? parsedOrSelf(value) : value));
            }
        }

        JsonNode md5 = kept.get("md5");
        if (md5 != null && !md5.textValue().isEmpty()) {
            related.hash(md5.textValue());
            if ("file".equals(entityType)) {
                document.withObjectProperty("file").withObjectProperty("hash").put("md5", md5.textValue());
            }
        }
        JsonNode url = kept.get("url_private");
        if (url != null) {
            UrlParts.write(url.textValue(), document);
        }
        return kept;
    }

    private static void rename(ObjectNode node, String from, String to) {
        JsonNode value = node.remove(from);
        if (value != null) {
            node.set(to, value);
        }
    }

    private static void keepIf(ObjectNode node, String key, Predicate<JsonNode> valid) {
        JsonNode value = node.get(key);
        if (value != null && !valid.test(value)) {
            node.remove(key);
        }
    }

    /** Text as a one-element array, an array as its scalar elements' text; anything else as no value (left out). */
    private static ArrayNode stringArray(JsonNode value) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (value.isValueNode() && !value.isNull()) {
            array.add(value.asText());
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isValueNode() && !element.isNull()) {
                    array.add(element.asText());
                }
            }
        }
        return array;
    }

    /** The JSON a text holds ({@code "[\"W1\"]"}), or the text itself if it holds none. */
    private static JsonNode parsedOrSelf(JsonNode text) {
        try {
            JsonNode parsed = JSON.readTree(text.textValue());
            return parsed == null || parsed.isMissingNode() ? text : parsed;
        } catch (IOException e) {
            return text;
        }
    }
}
