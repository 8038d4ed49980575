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
package dev.slackaudit.camel.siem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which category of Slack's {@code /actions} listing each action belongs to ({@code user_login} is in {@code user},
 * {@code file_downloaded} in {@code file}, ...). The SIEM mappings categorize events by it.
 * <p>
 * The table is Slack's own {@code GET /audit/v1/actions} response, kept as a resource ({@code actions.json} next to
 * this class; docs/slack-api.md says where it comes from). It is read from the class path rather than fetched, so
 * that a transform needs no token and no request: a document is the same whether or not Slack is reachable.
 */
public final class SlackActionCategories {

    private static final String RESOURCE = "/dev/slackaudit/camel/siem/actions.json";
    private static final Map<String, String> CATEGORY_OF_ACTION = load();

    private SlackActionCategories() {
    }

    /** The category of an action, e.g. {@code user}; {@code null} for an action the listing does not have. */
    public static String categoryOf(String action) {
        return action == null ? null : CATEGORY_OF_ACTION.get(action);
    }

    /** Every category of the listing, in its order. */
    public static Set<String> categories() {
        return Set.copyOf(CATEGORY_OF_ACTION.values());
    }

    /** Every action of the listing with its category, in the listing's order. */
    public static Map<String, String> actions() {
        return CATEGORY_OF_ACTION;
    }

    private static Map<String, String> load() {
        try (InputStream in = SlackActionCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, String> table = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).path("actions").fields().forEachRemaining(category -> {
                for (JsonNode action : category.getValue()) {
                    // an action listed twice keeps its first category, as the listing reads top to bottom
                    table.putIfAbsent(action.asText(), category.getKey());
                }
            });
            return Collections.unmodifiableMap(table);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
