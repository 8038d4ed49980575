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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.slackaudit.camel.SlackAuditLogsComponent;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Questions asked on demand through the component's producer, {@code to("slack-auditlogs:...")}: the newest logins
 * ({@code logs} with the action filter header), the action names by category ({@code actions}) and the entity schemas
 * ({@code schemas}). With {@code SLACK_TOKEN} set it asks Slack about the last day; without, it asks the demo's
 * synthetic organization on the embedded simulator, whose answers never change.
 */
public final class AuditLogQueries {

    static final int NEWEST_LOGINS = 5;
    private static final String DEMO_TOKEN = "xoxp-demo-simulator";

    private AuditLogQueries() {
    }

    public static void main(String... args) throws Exception {
        String token = System.getenv("SLACK_TOKEN");
        if (token != null && !token.isBlank()) {
            System.out.print(report("https://api.slack.com/audit/v1", token, "P1D"));
            return;
        }
        try (SlackAuditLogsSimulator demoOrg = new DemoOrg().apply(DEMO_TOKEN).start()) {
            System.out.print(report(demoOrg.baseUrl(), DEMO_TOKEN, Long.toString(DemoOrg.DAY.getEpochSecond())));
        }
    }

    /**
     * Asks the three questions of the Audit Logs API at {@code baseUrl}.
     *
     * @param oldest where the logins query starts, in any form the oldest option takes
     */
    static String report(String baseUrl, String token, String oldest) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            // the token and the API on the component, so the URIs below name only what each question needs
            SlackAuditLogsComponent component = context.getComponent("slack-auditlogs", SlackAuditLogsComponent.class);
            component.getConfiguration().setToken(token);
            component.getConfiguration().setBaseUrl(baseUrl);
            context.start();
            ProducerTemplate slack = context.createProducerTemplate();

            @SuppressWarnings("unchecked")
            List<AuditLogEntry> logins = slack.requestBodyAndHeader(
                    "slack-auditlogs:logs?maxResults=" + NEWEST_LOGINS + "&oldest=" + oldest, null,
                    SlackAuditLogsConstants.ACTION_FILTER, "user_login", List.class);
            @SuppressWarnings("unchecked")
            Map<String, List<String>> actions = slack.requestBody("slack-auditlogs:actions", null, Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> schemas = slack.requestBody("slack-auditlogs:schemas", null, List.class);

            StringBuilder report = new StringBuilder("The " + logins.size() + " newest logins:\n");
            for (AuditLogEntry login : logins) {
                report.append("  ").append(Instant.ofEpochSecond(login.getDateCreate())).append("  ")
                        .append(login.getActorId()).append("  ")
                        .append(login.getActor().path("user").path("email").asText()).append('\n');
            }
            Map<String, Integer> byCategory = new TreeMap<>();
            actions.forEach((category, names) -> byCategory.put(category, names.size()));
            report.append(byCategory.values().stream().mapToInt(Integer::intValue).sum()).append(" action names in ")
                    .append(byCategory.size()).append(" categories: ").append(byCategory).append('\n');
            report.append(schemas.size()).append(" entity schemas, of the types ")
                    .append(schemas.stream().map(schema -> String.valueOf(schema.get("type"))).distinct().toList())
                    .append('\n');
            return report.toString();
        }
    }
}
