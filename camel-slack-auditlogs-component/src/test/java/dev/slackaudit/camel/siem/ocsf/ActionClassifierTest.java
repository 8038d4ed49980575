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

import java.util.Set;

import dev.slackaudit.camel.siem.SlackActionCategories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionClassifierTest {

    @Test
    void everyCategoryOfTheListingHasAClassAndNoOtherCategoryIsNamed() {
        // account_type_role lists only actions that message lists first, so no action is categorized by it
        assertEquals(SlackActionCategories.categories(), ActionClassifier.CLASS_OF_CATEGORY.keySet());
    }

    @Test
    void everyActionTheTablesNameIsAnActionOfTheListing() {
        Set<String> listed = SlackActionCategories.actions().keySet();
        ActionClassifier.CLASS_OF_ACTION.keySet().forEach(action -> assertTrue(listed.contains(action), action));
        ActionClassifier.ACTIVITIES.values().forEach(table -> table.idOfAction().keySet()
                .forEach(action -> assertTrue(listed.contains(action), action)));
    }

    @Test
    void everyActionInAClassesActivityTableIsClassifiedIntoThatClass() {
        ActionClassifier.ACTIVITIES.forEach((ocsfClass, table) -> table.idOfAction().forEach((action, id) -> {
            Classification classification = ActionClassifier.classify(action);
            assertEquals(ocsfClass, classification.ocsfClass(), action);
            assertEquals(id, classification.activityId(), action);
        }));
    }

    @ParameterizedTest(name = "{0} is {1} activity {2}")
    @CsvSource({
            "user_login, AUTHENTICATION, 1, Logon",
            "user_login_failed, AUTHENTICATION, 1, Logon",
            "user_logout, AUTHENTICATION, 2, Logoff",
            "user_session_reset_by_admin, AUTHENTICATION, 2, Logoff",
            "cli_login, AUTHENTICATION, 1, Logon",
            "user_created, ACCOUNT_CHANGE, 1, Create",
            "user_deactivated, ACCOUNT_CHANGE, 5, Disable",
            "user_reactivated, ACCOUNT_CHANGE, 2, Enable",
            "user_password_reset_by_admin, ACCOUNT_CHANGE, 4, Password Reset",
            "role_change_to_admin, ACCOUNT_CHANGE, 99, role_change_to_admin",
            "role_assigned, ACCOUNT_CHANGE, 99, role_assigned",
            "user_added_to_usergroup, GROUP_MANAGEMENT, 3, Add User",
            "user_removed_from_usergroup, GROUP_MANAGEMENT, 4, Remove User",
            "usergroup_updated, GROUP_MANAGEMENT, 99, usergroup_updated",
            "file_uploaded, FILE_HOSTING, 1, Upload",
            "file_downloaded, FILE_HOSTING, 2, Download",
            "file_shared, FILE_HOSTING, 12, Share",
            "file_deleted, FILE_HOSTING, 4, Delete",
            "canvas_opened, FILE_HOSTING, 14, Open",
            "public_channel_created, ENTITY_MANAGEMENT, 1, Create",
            "channel_renamed, ENTITY_MANAGEMENT, 3, Update",
            "app_uninstalled, ENTITY_MANAGEMENT, 4, Delete",
            "pref.allow_calls, ENTITY_MANAGEMENT, 3, Update",
            "workspace_created, ENTITY_MANAGEMENT, 1, Create",
            "agentforce_agent_deactivated, ENTITY_MANAGEMENT, 11, Deactivate",
            "channel_moved, ENTITY_MANAGEMENT, 5, Move",
            "public_channel_archive, ENTITY_MANAGEMENT, 99, public_channel_archive",
            "list_rows_archived, ENTITY_MANAGEMENT, 99, list_rows_archived",
            "list_opened, ENTITY_MANAGEMENT, 2, Read",
            "anomaly, DETECTION_FINDING, 1, Create",
            "file_malicious_content_detected, DETECTION_FINDING, 1, Create",
            "mcp_slack_create_list_tool_called, API_ACTIVITY, 1, Create",
            "mcp_slack_read_canvas_tool_called, API_ACTIVITY, 2, Read",
            "mcp_slack_list_channel_members_tool_called, API_ACTIVITY, 2, Read",
            "mcp_slack_send_message_tool_called, API_ACTIVITY, 1, Create",
            "mcp_slack_update_list_record_tool_called, API_ACTIVITY, 3, Update",
            "mcp_slack_delete_list_record_tool_called, API_ACTIVITY, 4, Delete",
            "slack_ai_summary_requested, API_ACTIVITY, 99, slack_ai_summary_requested",
            "teleport_started, API_ACTIVITY, 99, teleport_started"
    })
    void theActionDecidesClassAndActivity(String action, OcsfClass ocsfClass, int activityId, String activityName) {
        Classification classification = ActionClassifier.classify(action);
        assertEquals(ocsfClass, classification.ocsfClass());
        assertEquals(activityId, classification.activityId());
        assertEquals(activityName, classification.activityName());
    }

    @Test
    void anActionTheListingDoesNotHaveIsApiActivityTheDocumentedFallback() {
        assertEquals(OcsfClass.API_ACTIVITY, ActionClassifier.classOf("teleport_started"));
        assertEquals(OcsfClass.API_ACTIVITY, ActionClassifier.classOf(null));
    }

    @Test
    void aFailedOrBlockedActionIsAFailure() {
        assertTrue(ActionClassifier.classify("user_login_failed").failure());
        assertTrue(ActionClassifier.classify("file_download_blocked").failure());
        assertTrue(ActionClassifier.classify("ip_allowlist_access_denied").failure());
        assertFalse(ActionClassifier.classify("user_login").failure());
    }

    @Test
    void theTypeIdIsClassIdTimesHundredPlusActivityId() {
        assertEquals(300201L, ActionClassifier.classify("user_login").typeUid());
        assertEquals(600602L, ActionClassifier.classify("file_downloaded").typeUid());
        assertEquals(300499L, ActionClassifier.classify("public_channel_archive").typeUid());
    }

    @Test
    void withoutAnActionTheActivityIsUnknown() {
        Classification classification = ActionClassifier.classifyAs(OcsfClass.BASE_EVENT, "");
        assertEquals(0, classification.activityId());
        assertEquals("Unknown", classification.activityName());
    }
}
