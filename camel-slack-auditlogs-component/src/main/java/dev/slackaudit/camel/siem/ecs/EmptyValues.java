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

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Leaves out what carries no value: {@code null}, empty text, empty objects and empty arrays, at any depth. Elastic's
 * Slack pipeline ends with the same clean-up, so a document has a field exactly when the event said something there
 * ({@code "previous_ua": ""} is no user agent). The event itself stays whole in {@code event.original}.
 */
final class EmptyValues {

    private EmptyValues() {
    }

    /** Removes the empty values inside this object or array, in place, and returns it. */
    static JsonNode prune(JsonNode node) {
        for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
            JsonNode child = children.next();
            if (child.isContainerNode()) {
                prune(child);
            }
            if (isEmpty(child)) {
                children.remove();
            }
        }
        return node;
    }

    static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode()
               || node.isTextual() && node.textValue().isEmpty()
               || node.isContainerNode() && node.isEmpty();
    }
}
