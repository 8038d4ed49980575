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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How often each action of the {@code /actions} capture happens in the synthetic org, and on which kind of
 * entity. The skew follows what a real Enterprise org logs: logins, logouts, file transfers and channel
 * membership dominate; anomalies, admin promotions and app installs are rare but regular. Every category
 * keeps a small share, so even a small org shows every entity type.
 */
final class ActionMix {

    record Pick(String action, EntityKind entity) {
    }

    /** Extra weight (per cent of all events, roughly) on top of each action's share of its category. */
    private static final Map<String, Double> HOT = Map.ofEntries(
            Map.entry("user_login", 22.0), Map.entry("user_logout", 9.0), Map.entry("user_login_failed", 0.8),
            Map.entry("file_downloaded", 14.0), Map.entry("file_uploaded", 8.0), Map.entry("file_shared", 3.0),
            Map.entry("file_deleted", 0.6), Map.entry("user_channel_join", 7.0), Map.entry("user_channel_leave", 3.0),
            Map.entry("guest_channel_join", 0.5), Map.entry("public_channel_created", 1.2),
            Map.entry("private_channel_created", 0.8), Map.entry("public_channel_archive", 0.4),
            Map.entry("channel_renamed", 0.3), Map.entry("canvas_opened", 2.0), Map.entry("canvas_edited", 1.0),
            Map.entry("canvas_created", 0.4), Map.entry("list_opened", 0.6), Map.entry("list_cell_updated", 0.4),
            Map.entry("huddle_started", 0.8), Map.entry("huddle_ended", 0.8), Map.entry("huddle_participant_joined", 1.0),
            Map.entry("message_tombstoned", 0.3), Map.entry("emoji_added", 0.5), Map.entry("user_profile_updated", 0.5),
            Map.entry("user_created", 0.3), Map.entry("user_deactivated", 0.1), Map.entry("guest_created", 0.15),
            Map.entry("user_added_to_usergroup", 0.4), Map.entry("workflow_v2_published", 0.2),
            Map.entry("app_installed", 0.25), Map.entry("app_scopes_expanded", 0.15), Map.entry("app_approved", 0.1),
            Map.entry("anomaly", 0.35), Map.entry("role_change_to_admin", 0.08), Map.entry("role_change_to_owner", 0.02),
            Map.entry("role_assigned", 0.1), Map.entry("user_session_reset_by_admin", 0.15),
            Map.entry("manual_export_completed", 0.1), Map.entry("scheduled_export_completed", 0.1),
            Map.entry("user_password_reset_slack_security", 0.05), Map.entry("user_logout_compromised", 0.05),
            Map.entry("guest_expired", 0.05));

    /** Each category's share, spread evenly over its actions: the long tail. */
    private static final double CATEGORY_SHARE = 0.6;
    /** Preference changes are frequent admin work and carry the polymorphic new_value/previous_value. */
    private static final double PREFERENCES_SHARE = 3.0;

    private final List<Pick> picks = new ArrayList<>();
    private final double[] cumulative;

    ActionMix(ActionCatalog catalog) {
        List<Double> weights = new ArrayList<>();
        long preferences = catalog.byCategory().values().stream().flatMap(List::stream).filter(ActionMix::isPreference)
                .distinct().count();
        for (Map.Entry<String, List<String>> category : catalog.byCategory().entrySet()) {
            List<String> actions = category.getValue();
            for (String action : actions) {
                double weight = CATEGORY_SHARE / actions.size() + HOT.getOrDefault(action, 0.0)
                                + (isPreference(action) ? PREFERENCES_SHARE / preferences : 0.0);
                List<EntityKind> kinds = entityKinds(category.getKey(), action);
                for (EntityKind kind : kinds) {
                    picks.add(new Pick(action, kind));
                    weights.add(weight / kinds.size());
                }
            }
        }
        cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
    }

    Pick pick(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return picks.get(index >= 0 ? index : -index - 1);
    }

    static boolean isPreference(String action) {
        return action.startsWith("pref.");
    }

    /** The entity an action of this category targets; org-level settings may target a workspace or the org. */
    private static List<EntityKind> entityKinds(String category, String action) {
        switch (category) {
            case "user":
            case "anomaly":
                return List.of(EntityKind.USER);
            case "file":
                return List.of(EntityKind.FILE);
            case "channel":
                return List.of(EntityKind.CHANNEL);
            case "app":
            case "slack_cli":
            case "app_approval_automation_rule":
                return List.of(EntityKind.APP);
            case "workflow_builder":
                return List.of(EntityKind.WORKFLOW);
            case "message":
                return List.of(EntityKind.MESSAGE);
            case "barrier":
                return List.of(EntityKind.BARRIER);
            case "huddle":
                return List.of(EntityKind.HUDDLE);
            case "subteam":
                return List.of(EntityKind.USERGROUP);
            case "role":
                return List.of(EntityKind.ROLE);
            case "account_type_role":
                return List.of(EntityKind.ACCOUNT_TYPE_ROLE);
            case "workflow_v2":
                return List.of(action.startsWith("external_auth_oauth2_token")
                        ? EntityKind.EXTERNAL_AUTH_OAUTH2_TOKEN : EntityKind.WORKFLOW_V2);
            case "canvas":
                return List.of(EntityKind.CANVAS);
            case "function":
                return List.of(EntityKind.FUNCTION);
            case "template":
                return List.of(EntityKind.TEMPLATE);
            case "list":
                return List.of(EntityKind.LIST);
            case "legal_hold":
                return List.of(EntityKind.LEGAL_HOLD_POLICY);
            case "salesforce_mcp_server":
                return List.of(EntityKind.ENTERPRISE);
            default:
                // workspace_or_org, sales_elevate, native_dlp, slack_first_crm and categories Slack adds later
                return List.of(EntityKind.WORKSPACE, EntityKind.ENTERPRISE);
        }
    }
}
