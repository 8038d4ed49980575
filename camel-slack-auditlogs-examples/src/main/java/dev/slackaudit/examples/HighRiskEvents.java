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

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slackaudit.camel.model.AuditLogEntry;

/**
 * Decides which audit events a security team wants to hear about at once, and says why. Three rules, each configured
 * by a property list (see application.properties):
 * <ul>
 * <li>any event whose action is listed ({@code anomaly}, admin and owner role changes, exports...);</li>
 * <li>an app install or scope change that grants one of the listed broad scopes;</li>
 * <li>a {@code file_downloaded} by a user whose e-mail domain is not one of the organization's, i.e. someone from
 * another company in a Slack Connect channel. Without internal domains configured this rule is off, because every
 * download would look external.</li>
 * </ul>
 */
public final class HighRiskEvents {

    private final Set<String> actions;
    private final Set<String> appInstallActions;
    private final Set<String> broadScopes;
    private final Set<String> internalEmailDomains;

    public HighRiskEvents(String actions, String appInstallActions, String broadScopes, String internalEmailDomains) {
        this.actions = list(actions);
        this.appInstallActions = list(appInstallActions);
        this.broadScopes = list(broadScopes);
        this.internalEmailDomains = list(internalEmailDomains).stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why this event is high-risk, or {@code null} if it is not. */
    public String reasonFor(AuditLogEntry event) {
        String action = event.getAction();
        if (actions.contains(action)) {
            return "listed action";
        }
        if (appInstallActions.contains(action)) {
            Set<String> granted = grantedBroadScopes(event.getDetails());
            return granted.isEmpty() ? null : "broad scopes " + String.join(",", granted);
        }
        if ("file_downloaded".equals(action)) {
            String email = event.getActor().path("user").path("email").asText("");
            String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            boolean external = !internalEmailDomains.isEmpty() && email.contains("@")
                               && !internalEmailDomains.contains(domain);
            return external ? "download by external user " + email : null;
        }
        return null;
    }

    /** The broad scopes among those an install grants ({@code scopes}, {@code bot_scopes}) or a change adds. */
    private Set<String> grantedBroadScopes(JsonNode details) {
        Set<String> granted = new TreeSet<>();
        for (String field : new String[] {"scopes", "bot_scopes", "new_scopes"}) {
            details.path(field).forEach(scope -> {
                if (broadScopes.contains(scope.asText())) {
                    granted.add(scope.asText());
                }
            });
        }
        return granted;
    }

    private static Set<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
