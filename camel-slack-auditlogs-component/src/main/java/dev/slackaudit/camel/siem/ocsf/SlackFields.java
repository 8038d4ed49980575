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
package dev.slackaudit.camel.siem.ocsf;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of one Slack event that no OCSF attribute has taken yet.
 * <p>
 * It starts as the whole event, a tree of its own ({@code AuditLogEntry.parseTree()}); each field a mapping puts into an OCSF attribute is taken out of it, and
 * what is left at the end becomes the document's {@code unmapped} object. So every field is either mapped or kept,
 * whatever Slack adds later, and a field of unexpected type (which no mapping takes) stays as Slack sent it.
 */
final class SlackFields {

    private final ObjectNode remaining;

    /** @param event a tree of the event this takes apart, owned by no one else */
    SlackFields(ObjectNode event) {
        this.remaining = event;
    }

    /** The value at a path of field names, not taken; a missing node if there is none. */
    JsonNode peek(String... path) {
        JsonNode node = remaining;
        for (String name : path) {
            node = node.path(name);
        }
        return node;
    }

    /**
     * The value at a path as text, not taken: a string that is not blank, or a number written as text (ids and
     * session ids come as either); {@code null} for anything else.
     */
    String peekText(String... path) {
        return text(peek(path));
    }

    /** A node as text, by the rule of {@link #peekText}. */
    static String text(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.isBlank() ? null : text;
        }
        return node.isNumber() ? node.asText() : null;
    }

    /** {@link #peekText} and, if there is such text, takes the field. */
    String takeText(String... path) {
        String text = peekText(path);
        if (text != null) {
            take(path);
        }
        return text;
    }

    /** Takes the field at a path (if there is one), and the objects it leaves empty. */
    void take(String... path) {
        if (path.length == 0) {
            return;
        }
        String[] parentPath = Arrays.copyOf(path, path.length - 1);
        JsonNode parent = peek(parentPath);
        if (parent instanceof ObjectNode object && object.has(path[path.length - 1])) {
            object.remove(path[path.length - 1]);
            if (object.isEmpty() && object != remaining) {
                take(parentPath);
            }
        }
    }

    /** What no attribute took, or {@code null} if everything was mapped. */
    ObjectNode unmapped() {
        return remaining.isEmpty() ? null : remaining;
    }
}
