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
package dev.slackaudit.camel.consumer;

import java.util.stream.Stream;

import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The key a checkpoint is stored under. Positions stored by earlier versions must be found again, so each derived key
 * here is the exact text those versions wrote (the README and docs/architecture.md show the same form).
 */
class CheckpointKeyTest {

    static Stream<Arguments> options() {
        return Stream.of(
                // baseUrl, action, actor, entity, latest, stateKey -> key
                arguments(null, null, null, null, null, null, "slack-auditlogs/api.slack.com/audit/v1"),
                arguments("https://api.slack.com/audit/v1/", null, null, null, null, null,
                          "slack-auditlogs/api.slack.com/audit/v1"),
                arguments("https://api.slack.com/audit/v1//", null, null, null, null, null,
                          "slack-auditlogs/api.slack.com/audit/v1"),
                arguments("http://127.0.0.1:8099/audit/v1", null, null, null, null, null,
                          "slack-auditlogs/127.0.0.1/audit/v1"),
                arguments("https://api.slack-gov.com/audit/v1", null, null, null, null, null,
                          "slack-auditlogs/api.slack-gov.com/audit/v1"),
                arguments(null, "user_login", null, null, null, null,
                          "slack-auditlogs/api.slack.com/audit/v1/action:user_login"),
                arguments(null, "user_logout, user_login,user_logout", null, null, null, null,
                          "slack-auditlogs/api.slack.com/audit/v1/action:user_login,user_logout"),
                arguments(null, " , ", null, null, null, null, "slack-auditlogs/api.slack.com/audit/v1"),
                arguments(null, null, "W123AB456", null, null, null,
                          "slack-auditlogs/api.slack.com/audit/v1/actor:W123AB456"),
                arguments(null, null, null, "C0123", null, null, "slack-auditlogs/api.slack.com/audit/v1/entity:C0123"),
                arguments(null, null, null, null, "P1D", null, "slack-auditlogs/api.slack.com/audit/v1/latest:P1D"),
                arguments(null, "file_downloaded", "W1", "F1", "2026-11-22T00:00:00Z", null,
                          "slack-auditlogs/api.slack.com/audit/v1/action:file_downloaded/actor:W1/entity:F1"
                                                                                 + "/latest:2026-11-22T00:00:00Z"),
                arguments(null, null, "W1=admin", null, null, null, "slack-auditlogs/api.slack.com/audit/v1/actor:W1_admin"),
                arguments(null, null, "  ", "", null, null, "slack-auditlogs/api.slack.com/audit/v1"),
                arguments(null, "user_login", "W1", null, null, "org-audit", "org-audit"));
    }

    @ParameterizedTest(name = "{6}")
    @MethodSource("options")
    void isTheStateKeyOrOneDerivedFromTheApiHostAndPathAndTheFiltersInNameOrder(
            String baseUrl, String action, String actor, String entity, String latest, String stateKey, String key) {
        assertEquals(key, CheckpointStore.keyFor(configuration(baseUrl, action, actor, entity, latest, stateKey)));
    }

    @Test
    void replacesTheLineBreaksAFileStateRepositoryCannotStore() {
        assertEquals("slack-auditlogs/api.slack.com/audit/v1/entity:F1__F2",
                     CheckpointStore.keyFor(configuration(null, null, null, "F1\r\nF2", null, null)));
    }

    static SlackAuditLogsConfiguration configuration(String baseUrl, String action, String actor, String entity,
                                                     String latest, String stateKey) {
        SlackAuditLogsConfiguration configuration = new SlackAuditLogsConfiguration();
        if (baseUrl != null) {
            configuration.setBaseUrl(baseUrl);
        }
        configuration.setAction(action);
        configuration.setActor(actor);
        configuration.setEntity(entity);
        configuration.setLatest(latest);
        configuration.setStateKey(stateKey);
        return configuration;
    }
}
