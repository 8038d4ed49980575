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
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The actions Slack knows, from the real {@code /actions} capture: {@code /logs} rejects any other action
 * name with {@code invalid_action}, and the synthetic org draws its events from the same list.
 */
final class ActionCatalog {

    private final byte[] capture;
    private final Map<String, List<String>> byCategory;
    private final Set<String> names;

    private ActionCatalog(byte[] capture, Map<String, List<String>> byCategory) {
        this.capture = capture;
        this.byCategory = byCategory;
        Set<String> all = new LinkedHashSet<>();
        byCategory.values().forEach(all::addAll);
        this.names = Collections.unmodifiableSet(all);
    }

    static ActionCatalog fromCapture() {
        byte[] capture = ClasspathResources.read("actions.json");
        try {
            Map<String, Map<String, List<String>>> parsed = new ObjectMapper().readValue(capture,
                    new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
            return new ActionCatalog(capture, Collections.unmodifiableMap(new LinkedHashMap<>(parsed.get("actions"))));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled /actions capture is not valid JSON", e);
        }
    }

    /** The {@code /actions} body exactly as captured from Slack. */
    byte[] capture() {
        return capture;
    }

    /** Action names by category, in the capture's order; an action may sit in more than one category. */
    Map<String, List<String>> byCategory() {
        return byCategory;
    }

    boolean contains(String action) {
        return names.contains(action);
    }
}
