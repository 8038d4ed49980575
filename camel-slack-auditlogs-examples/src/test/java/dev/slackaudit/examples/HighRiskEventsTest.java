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
package dev.slackaudit.examples;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HighRiskEventsTest {

    private final HighRiskEvents rules = new HighRiskEvents("anomaly, role_change_to_admin", "app_installed",
            "admin,groups:history", "acme.example");

    @Test
    void aListedActionIsHighRisk() {
        assertEquals("listed action", rules.reasonFor(event("{\"id\":\"1\",\"action\":\"role_change_to_admin\"}")));
    }

    @Test
    void anAppInstallGrantingABroadScopeNamesTheScope() {
        AuditLogEntry install = event("{\"id\":\"1\",\"action\":\"app_installed\","
                                      + "\"details\":{\"scopes\":[\"users:read\"],\"bot_scopes\":[\"groups:history\"]}}");

        assertEquals("broad scopes groups:history", rules.reasonFor(install));
    }

    @Test
    void anAppInstallWithNarrowScopesIsNotHighRisk() {
        assertNull(rules.reasonFor(event("{\"id\":\"1\",\"action\":\"app_installed\","
                                         + "\"details\":{\"scopes\":[\"users:read\"]}}")));
    }

    @Test
    void aDownloadByAnotherCompanysUserIsHighRisk() {
        assertEquals("download by external user eve@partner.example",
                rules.reasonFor(download("eve@partner.example")));
    }

    @Test
    void aDownloadByAColleagueIsNotHighRisk() {
        assertNull(rules.reasonFor(download("ada@ACME.example")));
    }

    @Test
    void withoutInternalDomainsNoDownloadIsHighRisk() {
        HighRiskEvents withoutDomains = new HighRiskEvents("anomaly", "app_installed", "admin", "");

        assertNull(withoutDomains.reasonFor(download("eve@partner.example")));
    }

    @Test
    void anUnlistedActionIsNotHighRisk() {
        assertNull(rules.reasonFor(event("{\"id\":\"1\",\"action\":\"user_login\"}")));
    }

    private static AuditLogEntry download(String email) {
        return event("{\"id\":\"1\",\"action\":\"file_downloaded\",\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W1\","
                     + "\"email\":\"" + email + "\"}}}");
    }

    private static AuditLogEntry event(String json) {
        return AuditLogEntry.parse(json);
    }
}
