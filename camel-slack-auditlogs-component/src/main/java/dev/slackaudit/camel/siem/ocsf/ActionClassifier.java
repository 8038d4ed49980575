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

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.slackaudit.camel.siem.SlackActionCategories;

import static java.util.Map.entry;

/**
 * Which OCSF class and activity each Slack action maps to (docs/ocsf.md has the table).
 * <p>
 * Each category of Slack's {@code /actions} listing has a class ({@link #CLASS_OF_CATEGORY}); the actions of a category
 * that belong elsewhere say so in {@link #CLASS_OF_ACTION} (log on and log off in the {@code user} category are
 * Authentication, its other actions Account Change). An action the listing does not have is API Activity, the
 * documented fallback. The activity comes from the class's {@link ActivityTable}.
 */
final class ActionClassifier {

    /**
     * The class of every category of the {@code /actions} listing; a test checks that none is missing. (The listing's
     * {@code account_type_role} has no entry: its two actions are listed under {@code message} first.)
     */
    static final Map<String, OcsfClass> CLASS_OF_CATEGORY = Map.ofEntries(
            entry("user", OcsfClass.ACCOUNT_CHANGE),
            entry("subteam", OcsfClass.GROUP_MANAGEMENT),
            entry("file", OcsfClass.FILE_HOSTING),
            entry("canvas", OcsfClass.FILE_HOSTING),
            entry("anomaly", OcsfClass.DETECTION_FINDING),
            entry("workspace_or_org", OcsfClass.ENTITY_MANAGEMENT),
            entry("channel", OcsfClass.ENTITY_MANAGEMENT),
            entry("app", OcsfClass.ENTITY_MANAGEMENT),
            entry("app_approval_automation_rule", OcsfClass.ENTITY_MANAGEMENT),
            entry("workflow_builder", OcsfClass.ENTITY_MANAGEMENT),
            entry("workflow_v2", OcsfClass.ENTITY_MANAGEMENT),
            entry("function", OcsfClass.ENTITY_MANAGEMENT),
            entry("message", OcsfClass.ENTITY_MANAGEMENT),
            entry("barrier", OcsfClass.ENTITY_MANAGEMENT),
            entry("huddle", OcsfClass.ENTITY_MANAGEMENT),
            entry("slack_cli", OcsfClass.ENTITY_MANAGEMENT),
            entry("role", OcsfClass.ENTITY_MANAGEMENT),
            entry("sales_elevate", OcsfClass.ENTITY_MANAGEMENT),
            entry("native_dlp", OcsfClass.ENTITY_MANAGEMENT),
            entry("template", OcsfClass.ENTITY_MANAGEMENT),
            entry("list", OcsfClass.ENTITY_MANAGEMENT),
            entry("slack_first_crm", OcsfClass.ENTITY_MANAGEMENT),
            entry("legal_hold", OcsfClass.ENTITY_MANAGEMENT),
            entry("salesforce_mcp_server", OcsfClass.ENTITY_MANAGEMENT));

    /** Actions whose class is not their category's. */
    static final Map<String, OcsfClass> CLASS_OF_ACTION = Map.ofEntries(
            // sessions begin and end: Authentication, not Account Change
            entry("user_login", OcsfClass.AUTHENTICATION),
            entry("user_login_failed", OcsfClass.AUTHENTICATION),
            entry("ip_allowlist_access_denied", OcsfClass.AUTHENTICATION),
            entry("user_logout", OcsfClass.AUTHENTICATION),
            entry("user_logout_compromised", OcsfClass.AUTHENTICATION),
            entry("user_logout_non_compliant_mobile_app_version", OcsfClass.AUTHENTICATION),
            entry("user_session_invalidated", OcsfClass.AUTHENTICATION),
            entry("user_session_reset_by_admin", OcsfClass.AUTHENTICATION),
            entry("user_sessions_reset_by_circuit_breaker", OcsfClass.AUTHENTICATION),
            entry("user_sessions_reset_by_anomaly_event_response", OcsfClass.AUTHENTICATION),
            entry("cli_login", OcsfClass.AUTHENTICATION),
            entry("cli_logout", OcsfClass.AUTHENTICATION),
            // a role given to or taken from a user changes the account
            entry("role_assigned", OcsfClass.ACCOUNT_CHANGE),
            entry("role_removed", OcsfClass.ACCOUNT_CHANGE),
            // invitations to a direct conversation: listed under user and channel, they act on the conversation
            entry("connect_dm_invite_generated", OcsfClass.ENTITY_MANAGEMENT),
            entry("connect_dm_invite_revoked", OcsfClass.ENTITY_MANAGEMENT),
            entry("connect_dm_invite_accepted", OcsfClass.ENTITY_MANAGEMENT),
            entry("connect_dm_invite_ignored", OcsfClass.ENTITY_MANAGEMENT),
            // Slack's own detections, like anomaly
            entry("file_malicious_content_detected", OcsfClass.DETECTION_FINDING),
            entry("workflow_trigger_suspicious_keyword", OcsfClass.DETECTION_FINDING),
            entry("workflow_ai_answer_suspicious_prompt", OcsfClass.DETECTION_FINDING));

    /** The prefixes of actions done by Slack AI, Agentforce agents and MCP tools. */
    private static final Pattern AI_AND_TOOL_CALLS = Pattern.compile("mcp_|slack_ai_|slackbot_ai_|app_agentforce_");
    /** The activities of each class. */
    static final Map<OcsfClass, ActivityTable> ACTIVITIES = activities();
    /** The classification of every action of the listing, worked out once rather than for every event. */
    private static final Map<String, Classification> OF_LISTED_ACTION = classifyListedActions();

    private ActionClassifier() {
    }

    /** The class and activity of an action. */
    static Classification classify(String action) {
        Classification listed = action == null ? null : OF_LISTED_ACTION.get(action);
        return listed != null ? listed : classifyAs(classOf(action), action);
    }

    /** The activity of an action in a given class (for an event that falls back to another class). */
    static Classification classifyAs(OcsfClass ocsfClass, String action) {
        return ACTIVITIES.get(ocsfClass).classify(ocsfClass, action);
    }

    static OcsfClass classOf(String action) {
        OcsfClass ocsfClass = action == null ? null : CLASS_OF_ACTION.get(action);
        if (ocsfClass != null) {
            return ocsfClass;
        }
        if (action != null && AI_AND_TOOL_CALLS.matcher(action).lookingAt()) {
            // Slack AI, agents and MCP tools working on a user's behalf: API calls, whatever category they are listed in
            return OcsfClass.API_ACTIVITY;
        }
        String category = SlackActionCategories.categoryOf(action);
        // an action or a category the listing does not have (yet): the documented fallback
        return category == null ? OcsfClass.API_ACTIVITY : CLASS_OF_CATEGORY.getOrDefault(category, OcsfClass.API_ACTIVITY);
    }

    private static Map<String, Classification> classifyListedActions() {
        Map<String, Classification> table = new HashMap<>();
        SlackActionCategories.actions().keySet().forEach(action -> table.put(action, classifyAs(classOf(action), action)));
        return Map.copyOf(table);
    }

    private static Map<OcsfClass, ActivityTable> activities() {
        Map<OcsfClass, ActivityTable> tables = new EnumMap<>(OcsfClass.class);
        tables.put(OcsfClass.AUTHENTICATION, new ActivityTable(
                Map.of(1, "Logon", 2, "Logoff"),
                Map.ofEntries(entry("user_login", 1), entry("user_login_failed", 1),
                        entry("ip_allowlist_access_denied", 1), entry("cli_login", 1),
                        entry("user_logout", 2), entry("user_logout_compromised", 2),
                        entry("user_logout_non_compliant_mobile_app_version", 2),
                        entry("user_session_invalidated", 2), entry("user_session_reset_by_admin", 2),
                        entry("user_sessions_reset_by_circuit_breaker", 2),
                        entry("user_sessions_reset_by_anomaly_event_response", 2), entry("cli_logout", 2)),
                Map.of()));
        tables.put(OcsfClass.ACCOUNT_CHANGE, new ActivityTable(
                Map.of(1, "Create", 2, "Enable", 4, "Password Reset", 5, "Disable", 10, "MFA Factor Enable",
                        11, "MFA Factor Disable"),
                Map.ofEntries(entry("user_created", 1), entry("guest_created", 1), entry("org_owner_created", 1),
                        entry("user_reactivated", 2), entry("guest_reactivated", 2),
                        entry("user_password_reset_requested", 4), entry("user_password_reset_slack_security", 4),
                        entry("user_password_reset_by_admin", 4),
                        entry("user_deactivated", 5), entry("guest_deactivated", 5), entry("guest_expired", 5),
                        entry("user_passkey_created", 10), entry("user_passkey_removed", 11)),
                Map.of()));
        tables.put(OcsfClass.GROUP_MANAGEMENT, new ActivityTable(
                Map.of(1, "Assign Privileges", 2, "Revoke Privileges", 3, "Add User", 4, "Remove User"),
                Map.of("role_added_to_usergroup", 1, "role_removed_from_usergroup", 2,
                        "user_added_to_usergroup", 3, "user_add_to_usergroup_failed", 3,
                        "user_removed_from_usergroup", 4),
                Map.of()));
        tables.put(OcsfClass.FILE_HOSTING, new ActivityTable(
                Map.of(1, "Upload", 2, "Download", 3, "Update", 4, "Delete", 8, "Restore", 12, "Share",
                        13, "Unshare", 14, "Open"),
                Map.ofEntries(entry("file_uploaded", 1), entry("file_upload_blocked_by_type", 1),
                        entry("file_downloaded", 2), entry("file_downloaded_blocked", 2),
                        entry("file_download_blocked", 2), entry("canvas_downloaded", 2),
                        entry("canvas_edited", 3),
                        entry("file_deleted", 4), entry("canvas_deleted", 4), entry("canvas_tombstoned", 4),
                        entry("canvas_restored", 8), entry("canvas_undeleted", 8),
                        entry("file_shared", 12), entry("file_public_link_created", 12),
                        entry("file_share_blocked_by_type", 12), entry("canvas_shared", 12),
                        entry("canvas_access_added", 12), entry("canvas_linksharing_enabled", 12),
                        entry("file_public_link_revoked", 13), entry("canvas_unshared", 13),
                        entry("canvas_access_revoked", 13), entry("canvas_linksharing_disabled", 13),
                        entry("canvas_opened", 14)),
                Map.of()));
        tables.put(OcsfClass.ENTITY_MANAGEMENT, new ActivityTable(
                Map.of(1, "Create", 2, "Read", 3, "Update", 4, "Delete", 5, "Move", 8, "Enable", 9, "Disable",
                        10, "Activate", 11, "Deactivate"),
                Map.of(),
                Map.of(ActionVerb.CREATE, 1, ActionVerb.READ, 2, ActionVerb.UPDATE, 3, ActionVerb.DELETE, 4,
                        ActionVerb.MOVE, 5, ActionVerb.ENABLE, 8, ActionVerb.DISABLE, 9, ActionVerb.ACTIVATE, 10,
                        ActionVerb.DEACTIVATE, 11)));
        tables.put(OcsfClass.API_ACTIVITY, new ActivityTable(
                Map.of(1, "Create", 2, "Read", 3, "Update", 4, "Delete"),
                Map.of(),
                Map.of(ActionVerb.CREATE, 1, ActionVerb.READ, 2, ActionVerb.UPDATE, 3, ActionVerb.DELETE, 4)));
        tables.put(OcsfClass.DETECTION_FINDING, new ActivityTable(
                Map.of(1, "Create"),
                Map.of(),
                // Slack reports each detection once, when it makes it: whatever the action's name says
                everyVerb(1)));
        tables.put(OcsfClass.BASE_EVENT, new ActivityTable(Map.of(), Map.of(), Map.of()));
        return tables;
    }

    private static Map<ActionVerb, Integer> everyVerb(int activityId) {
        Map<ActionVerb, Integer> table = new EnumMap<>(ActionVerb.class);
        for (ActionVerb verb : ActionVerb.values()) {
            table.put(verb, activityId);
        }
        return table;
    }
}
