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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.slackaudit.camel.siem.SlackActionCategories;

/**
 * Categorizes every action of Slack's {@code /actions} listing in ECS terms.
 * <p>
 * Three layers, the first that knows the action wins: the actions Elastic's Slack pipeline categorizes, with
 * Elastic's values (so that a search written for Elastic's documents finds ours); a few actions whose meaning their
 * category does not give (a CLI login is an authentication, a huddle's start starts a session); and then the action's
 * category of the listing, with the {@code event.type} read from the action's verb ({@code _created} is a creation)
 * among the types ECS expects with that category. {@code anomaly} is an alert. Actions that say they failed or were
 * blocked have {@code event.outcome: failure}. docs/ecs.md lists the tables.
 */
final class EcsCategories {

    private static final Map<String, EcsCategorization> BY_ACTION = byAction();

    /** The ECS categories of each category of Slack's /actions listing, and a type added to every event of it. */
    private static final Map<String, List<String>> BY_SLACK_CATEGORY = Map.ofEntries(
            Map.entry("workspace_or_org", List.of("configuration")),
            Map.entry("user", List.of("iam")),
            Map.entry("file", List.of("file")),
            Map.entry("channel", List.of("configuration")),
            Map.entry("app", List.of("configuration")),
            Map.entry("workflow_builder", List.of("configuration")),
            Map.entry("message", List.of("web")),
            Map.entry("barrier", List.of("configuration")),
            Map.entry("huddle", List.of("session")),
            Map.entry("anomaly", List.of("intrusion_detection")),
            Map.entry("slack_cli", List.of("configuration")),
            Map.entry("subteam", List.of("iam")),
            Map.entry("role", List.of("iam")),
            Map.entry("account_type_role", List.of("iam")),
            Map.entry("app_approval_automation_rule", List.of("configuration")),
            Map.entry("workflow_v2", List.of("configuration")),
            Map.entry("canvas", List.of("file")),
            Map.entry("function", List.of("configuration")),
            Map.entry("sales_elevate", List.of("configuration")),
            Map.entry("native_dlp", List.of("configuration")),
            Map.entry("template", List.of("configuration")),
            Map.entry("list", List.of("file")),
            Map.entry("slack_first_crm", List.of("configuration")),
            Map.entry("legal_hold", List.of("configuration")),
            Map.entry("salesforce_mcp_server", List.of("configuration")));

    /** Types added to every event of these Slack categories, where ECS expects them with the category. */
    private static final Map<String, String> EXTRA_TYPE = Map.of("user", "user", "subteam", "group");

    /** The {@code event.type} each last word of an action stands for. */
    private static final Map<String, String> TYPE_OF_VERB = typeOfVerb();

    private EcsCategories() {
    }

    /** The categorization of this action; {@link EcsCategorization#UNKNOWN} for one the listing does not have. */
    static EcsCategorization of(String action) {
        if (action == null) {
            return EcsCategorization.UNKNOWN;
        }
        EcsCategorization known = BY_ACTION.get(action);
        if (known != null) {
            return known.outcome() == null ? withOutcome(known, action) : known;
        }
        String slackCategory = SlackActionCategories.categoryOf(action);
        List<String> categories = slackCategory == null ? null : BY_SLACK_CATEGORY.get(slackCategory);
        if (categories == null) {
            return withOutcome(EcsCategorization.UNKNOWN, action);
        }
        String kind = "anomaly".equals(slackCategory) ? "alert" : "event";
        List<String> types = new ArrayList<>();
        types.add(typeOfVerb(action, categories.get(0)));
        String extra = EXTRA_TYPE.get(slackCategory);
        if (extra != null && !types.contains(extra)) {
            types.add(extra);
        }
        return withOutcome(new EcsCategorization(kind, categories, List.copyOf(types), null), action);
    }

    /** Whether this category of Slack's /actions listing has its ECS categories here. */
    static boolean categorizes(String slackCategory) {
        return BY_SLACK_CATEGORY.containsKey(slackCategory);
    }

    /** The type the action's last word stands for, if ECS expects it with the category; else change, else info. */
    private static String typeOfVerb(String action, String category) {
        String verb = action.substring(action.lastIndexOf('_') + 1);
        String type = TYPE_OF_VERB.getOrDefault(verb, "change");
        var expected = EcsCategorization.EXPECTED_TYPES.get(category);
        if (expected.contains(type)) {
            return type;
        }
        return expected.contains("change") ? "change" : "info";
    }

    private static EcsCategorization withOutcome(EcsCategorization categorization, String action) {
        if (action.endsWith("_failed") || action.contains("_blocked") || action.endsWith("_denied")) {
            return categorization.withOutcome("failure");
        }
        return categorization;
    }

    private static Map<String, String> typeOfVerb() {
        Map<String, String> verbs = new HashMap<>();
        for (String verb : List.of("created", "added", "uploaded", "generated", "provisioned", "enrolled")) {
            verbs.put(verb, "creation");
        }
        for (String verb : List.of("deleted", "removed", "tombstoned", "uninstalled", "unenrolled")) {
            verbs.put(verb, "deletion");
        }
        for (String verb : List.of("downloaded", "opened", "viewed", "fetched")) {
            verbs.put(verb, "access");
        }
        for (String verb : List.of("started", "joined", "join", "login")) {
            verbs.put(verb, "start");
        }
        for (String verb : List.of("ended", "left", "leave", "dropped", "logout")) {
            verbs.put(verb, "end");
        }
        verbs.put("installed", "installation");
        return Map.copyOf(verbs);
    }

    private static Map<String, EcsCategorization> byAction() {
        Map<String, EcsCategorization> table = new HashMap<>();
        EcsCategorization login = EcsCategorization.event(List.of("authentication", "session"), List.of("info", "start"))
                .withOutcome("success");
        EcsCategorization sessionEnd = EcsCategorization.event(List.of("authentication", "session"), List.of("info", "end"))
                .withOutcome("success");
        // Elastic's table (packages/slack, ingest pipeline "Add ECS categorization"), value for value
        put(table, login, "user_login");
        put(table, EcsCategorization.event(List.of("authentication"), List.of("info")).withOutcome("failure"),
                "user_login_failed");
        put(table, sessionEnd, "user_logout", "user_session_invalidated", "user_session_reset_by_admin");
        put(table, EcsCategorization.event(List.of("iam"), List.of("creation", "user")), "user_created");
        put(table, EcsCategorization.event(List.of("iam"), List.of("deletion", "user")), "user_deactivated");
        put(table, EcsCategorization.event(List.of("iam"), List.of("change", "user")),
                "user_reactivated", "role_change_to_guest", "role_change_to_user", "user_email_updated");
        put(table, EcsCategorization.event(List.of("iam"), List.of("change", "user", "admin")),
                "role_change_to_admin", "role_change_to_owner");
        put(table, EcsCategorization.event(List.of("iam"), List.of("change", "group", "user")),
                "user_added_to_usergroup", "user_removed_from_usergroup");
        put(table, EcsCategorization.event(List.of("iam", "configuration"), List.of("change", "group")),
                "default_channel_added_to_usergroup", "default_channel_removed_from_usergroup");
        put(table, EcsCategorization.event(List.of("iam"), List.of("change", "group")),
                "role_added_to_usergroup", "role_removed_from_usergroup", "role_modified_on_usergroup");
        put(table, EcsCategorization.event(List.of("file"), List.of("access")), "file_downloaded");
        put(table, EcsCategorization.event(List.of("file"), List.of("denied")), "file_downloaded_blocked");
        put(table, EcsCategorization.event(List.of("file"), List.of("creation")), "file_uploaded");
        put(table, EcsCategorization.event(List.of("file"), List.of("info")),
                "file_public_link_created", "file_public_link_revoked", "file_shared");
        put(table, EcsCategorization.event(List.of("file", "malware"), List.of("info")), "file_malicious_content_detected");
        // ours: actions whose meaning their category of the listing does not give
        put(table, login, "cli_login");
        put(table, sessionEnd, "cli_logout", "user_logout_compromised", "user_sessions_reset_by_circuit_breaker",
                "user_sessions_reset_by_anomaly_event_response");
        put(table, EcsCategorization.event(List.of("package"), List.of("installation")),
                "app_installed", "org_app_installed", "cli_app_install");
        put(table, EcsCategorization.event(List.of("package"), List.of("deletion")),
                "app_uninstalled", "org_app_uninstalled", "cli_app_delete");
        put(table, new EcsCategorization("alert", List.of("intrusion_detection"), List.of("info"), null),
                "anomaly", "workflow_trigger_suspicious_keyword", "workflow_ai_answer_suspicious_prompt");
        return Map.copyOf(table);
    }

    private static void put(Map<String, EcsCategorization> table, EcsCategorization categorization, String... actions) {
        for (String action : actions) {
            table.put(action, categorization);
        }
    }
}
