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

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an action does to its entity, read from the verb in its name: {@code channel_renamed} updates,
 * {@code emoji_removed} deletes, {@code mcp_slack_read_canvas_tool_called} reads. Classes whose activities are
 * generic (Entity Management, API Activity) take their activity from it; the classes with activities of their own
 * (Authentication, Account Change, File Hosting, Group Management) use explicit tables instead.
 * <p>
 * The verb is the last word of the action (words are separated by {@code _} and {@code .}) that is a known verb, so
 * {@code app_removed_from_whitelist} is a removal; a call of a tool of Slack's MCP server names the tool, whose name
 * starts with its verb ({@code mcp_slack_create_list_tool_called} creates). Every {@code pref.*} action changes a
 * setting. A word that says the action did not happen ({@code failed}, {@code blocked}, {@code denied}) marks it as a
 * failure.
 */
enum ActionVerb {

    CREATE, READ, UPDATE, DELETE, MOVE, ENABLE, DISABLE, ACTIVATE, DEACTIVATE, OTHER;

    private static final String MCP_TOOL_CALL = "mcp_slack_";
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[_.]");
    private static final Set<String> FAILURE_WORDS = Set.of("failed", "failure", "blocked", "denied");
    /** Verbs as actions name what happened: mostly past tense, some present ({@code slack_ai_calendar_read}). */
    private static final Map<String, ActionVerb> VERB_OF_WORD = Map.ofEntries(
            Map.entry("created", CREATE), Map.entry("create", CREATE), Map.entry("added", CREATE),
            Map.entry("installed", CREATE), Map.entry("provisioned", CREATE), Map.entry("generated", CREATE),
            Map.entry("enrolled", CREATE),
            Map.entry("read", READ), Map.entry("searched", READ), Map.entry("opened", READ), Map.entry("viewed", READ),
            Map.entry("downloaded", READ),
            Map.entry("updated", UPDATE), Map.entry("update", UPDATE), Map.entry("changed", UPDATE),
            Map.entry("renamed", UPDATE), Map.entry("edited", UPDATE), Map.entry("modified", UPDATE),
            Map.entry("set", UPDATE), Map.entry("upgraded", UPDATE), Map.entry("downgraded", UPDATE),
            Map.entry("transferred", UPDATE), Map.entry("converted", UPDATE), Map.entry("reordered", UPDATE),
            Map.entry("deleted", DELETE), Map.entry("delete", DELETE), Map.entry("removed", DELETE),
            Map.entry("uninstalled", DELETE), Map.entry("unenrolled", DELETE), Map.entry("revoked", DELETE),
            Map.entry("tombstoned", DELETE),
            Map.entry("moved", MOVE),
            Map.entry("enabled", ENABLE), Map.entry("disabled", DISABLE),
            Map.entry("activated", ACTIVATE), Map.entry("reactivated", ACTIVATE),
            Map.entry("deactivated", DEACTIVATE));
    /**
     * Verbs as MCP tools are named, in the imperative. Kept apart because some are nouns in other actions
     * ({@code list_rows_archived} reads nothing).
     */
    private static final Map<String, ActionVerb> VERB_OF_TOOL_WORD = Map.ofEntries(
            Map.entry("create", CREATE), Map.entry("add", CREATE), Map.entry("send", CREATE),
            Map.entry("schedule", CREATE), Map.entry("upload", CREATE),
            Map.entry("read", READ), Map.entry("get", READ), Map.entry("list", READ), Map.entry("search", READ),
            Map.entry("update", UPDATE), Map.entry("mark", UPDATE), Map.entry("replace", UPDATE),
            Map.entry("delete", DELETE));

    /** The verb of an action; {@link #OTHER} for a blank action or one with no known verb. */
    static ActionVerb of(String action) {
        if (action == null || action.isBlank()) {
            return OTHER;
        }
        if (action.startsWith("pref.")) {
            return UPDATE;
        }
        if (action.startsWith(MCP_TOOL_CALL)) {
            for (String word : WORD_SEPARATORS.split(action.substring(MCP_TOOL_CALL.length()))) {
                ActionVerb verb = VERB_OF_TOOL_WORD.get(word);
                if (verb != null) {
                    return verb;
                }
            }
            return OTHER;
        }
        String[] words = WORD_SEPARATORS.split(action);
        for (int i = words.length - 1; i >= 0; i--) {
            ActionVerb verb = VERB_OF_WORD.get(words[i]);
            if (verb != null) {
                return verb;
            }
        }
        return OTHER;
    }

    /** Whether the action's name says it failed or was prevented ({@code user_login_failed}, {@code file_download_blocked}). */
    static boolean saysFailure(String action) {
        if (action == null) {
            return false;
        }
        for (String word : WORD_SEPARATORS.split(action)) {
            if (FAILURE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
