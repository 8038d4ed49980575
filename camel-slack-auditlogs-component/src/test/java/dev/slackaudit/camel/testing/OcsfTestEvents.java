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
package dev.slackaudit.camel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.siem.SlackActionCategories;

/**
 * Events for the OCSF tests: every entry of the real samples (src/test/resources/samples/: Slack's documentation,
 * Slack's SDKs' test data, Elastic's test cases), and one synthesized event per action of Slack's {@code /actions}
 * listing, with the entity its category acts on.
 */
public final class OcsfTestEvents {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The sample files that hold audit events (whole responses, single entries or JSON Lines). */
    static final List<String> SAMPLE_FILES = List.of(
            "docs-entry-example-anomaly.json", "docs-entry-example-app-context.json",
            "docs-logs-example-user-login.json", "elastic-integrations-test-audit.ndjson", "java-sdk-logs-shape.json",
            "java-sdk-test-logs-new-value-array.json", "java-sdk-test-logs-new-value-object.json",
            "python-sdk-mock-logs.json", "python-sdk-test-logs-complete.json",
            "python-sdk-test-logs-unknown-fields.json");

    /** The entity each category's actions act on, as Slack sends it ({type, <type>: {...}}). */
    private static final Map<String, String> ENTITY_OF_CATEGORY = Map.ofEntries(
            Map.entry("user", "{\"type\":\"user\",\"user\":{\"id\":\"W0TARGET\",\"name\":\"Target User\","
                              + "\"email\":\"target@example.com\",\"team\":\"T0WORKSPACE\"}}"),
            Map.entry("anomaly", "{\"type\":\"user\",\"user\":{\"id\":\"W0TARGET\",\"name\":\"Target User\"}}"),
            Map.entry("file", "{\"type\":\"file\",\"file\":{\"id\":\"F0FILE\",\"name\":\"report.pdf\","
                              + "\"filetype\":\"pdf\",\"title\":\"Report\"}}"),
            Map.entry("canvas", "{\"type\":\"canvas\",\"canvas\":{\"id\":\"F0CANVAS\",\"filetype\":\"quip\","
                                + "\"title\":\"Plans\"}}"),
            Map.entry("subteam", "{\"type\":\"usergroup\",\"usergroup\":{\"id\":\"S0GROUP\",\"name\":\"oncall\"}}"),
            Map.entry("channel", "{\"type\":\"channel\",\"channel\":{\"id\":\"C0CHANNEL\",\"name\":\"general\","
                                 + "\"privacy\":\"public\",\"is_shared\":false}}"),
            Map.entry("app", "{\"type\":\"app\",\"app\":{\"id\":\"A0APP\",\"name\":\"Helper\",\"scopes\":[\"chat:write\"]}}"),
            Map.entry("slack_cli", "{\"type\":\"app\",\"app\":{\"id\":\"A0APP\",\"name\":\"Helper\"}}"),
            Map.entry("app_approval_automation_rule", "{\"type\":\"app\",\"app\":{\"id\":\"A0APP\",\"name\":\"Helper\"}}"),
            Map.entry("workflow_builder", "{\"type\":\"workflow\",\"workflow\":{\"id\":\"Wf0FLOW\",\"name\":\"Triage\"}}"),
            Map.entry("workflow_v2", "{\"type\":\"workflow_v2\",\"workflow_v2\":{\"id\":\"Wf0FLOW\",\"name\":\"Triage\","
                                     + "\"app_id\":\"A0APP\",\"date_updated\":1700000000}}"),
            Map.entry("function", "{\"type\":\"function\",\"function\":{\"id\":\"Fn0FUNC\",\"app_id\":\"A0APP\","
                                  + "\"callback_id\":\"triage\"}}"),
            // a message has no id or name: its events fall back to the API Activity class
            Map.entry("message", "{\"type\":\"message\",\"message\":{\"channel\":\"C0CHANNEL\",\"team\":\"T0WORKSPACE\","
                                 + "\"timestamp\":\"1700000000.000100\"}}"),
            Map.entry("barrier", "{\"type\":\"barrier\",\"barrier\":{\"id\":\"Ba0BARRIER\","
                                 + "\"primary_usergroup\":\"S0GROUP\"}}"),
            Map.entry("huddle", "{\"type\":\"huddle\",\"huddle\":{\"id\":\"R0HUDDLE\",\"date_start\":1700000000}}"),
            Map.entry("role", "{\"type\":\"role\",\"role\":{\"id\":\"Rl0ROLE\",\"name\":\"Channel Manager\","
                              + "\"type\":\"system\"}}"),
            Map.entry("account_type_role", "{\"type\":\"account_type_role\",\"account_type_role\":{\"id\":\"Ar0ROLE\","
                                           + "\"name\":\"Guest\"}}"),
            Map.entry("list", "{\"type\":\"list\",\"list\":{\"id\":\"F0LIST\"}}"),
            Map.entry("template", "{\"type\":\"template\",\"template\":{\"id\":\"Tm0TEMPLATE\",\"template_name\":\"Intake\"}}"),
            Map.entry("legal_hold", "{\"type\":\"legal_hold_policy\",\"legal_hold_policy\":{\"id\":\"Lh0HOLD\","
                                    + "\"name\":\"Litigation\"}}"));
    private static final String WORKSPACE_ENTITY
            = "{\"type\":\"workspace\",\"workspace\":{\"id\":\"T0WORKSPACE\",\"name\":\"Main\",\"domain\":\"main\"}}";
    private static final String ANOMALY_DETAILS = "{\"action_timestamp\":1700000000123456,\"location\":\"Reno, Nevada\","
                                                  + "\"previous_ip_address\":\"198.51.100.4\",\"previous_ua\":\"curl/8.0\","
                                                  + "\"reason\":[\"asn\",\"ip_address\"],"
                                                  + "\"ip_address_details\":[\"cloud-asn\"]}";

    private OcsfTestEvents() {
    }

    /** Every event of every sample file. */
    public static List<AuditLogEntry> samples() {
        List<AuditLogEntry> entries = new ArrayList<>();
        for (String file : SAMPLE_FILES) {
            String text = resource("/samples/" + file);
            if (file.endsWith(".ndjson")) {
                text.lines().filter(line -> !line.isBlank()).map(AuditLogEntry::parse).forEach(entries::add);
                continue;
            }
            JsonNode json = readTree(text);
            if (json.has("entries")) {
                json.get("entries").forEach(entry -> entries.add(AuditLogEntry.parse(entry.toString())));
            } else {
                entries.add(AuditLogEntry.parse(json.toString()));
            }
        }
        return entries;
    }

    /** One event per action of the {@code /actions} listing, acting on its category's kind of entity. */
    public static List<AuditLogEntry> onePerAction() {
        List<AuditLogEntry> entries = new ArrayList<>();
        SlackActionCategories.actions().forEach((action, category) -> entries.add(event(action, category)));
        return entries;
    }

    /** A complete, well-formed event of this action and category. */
    public static AuditLogEntry event(String action, String category) {
        ObjectNode event = (ObjectNode) readTree("{\"id\":\"3f1c0e9a-synthetic\",\"date_create\":1700000000,"
                + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W0ACTOR\",\"name\":\"Actor\","
                + "\"email\":\"actor@example.com\",\"team\":\"E0ORG\"}},"
                + "\"context\":{\"location\":{\"type\":\"enterprise\",\"id\":\"E0ORG\",\"name\":\"Org\",\"domain\":\"org\"},"
                + "\"ua\":\"Mozilla/5.0 (X11; Linux x86_64)\",\"ip_address\":\"203.0.113.7\",\"session_id\":\"8472881\"}}");
        event.put("action", action);
        event.set("entity", readTree(ENTITY_OF_CATEGORY.getOrDefault(category, WORKSPACE_ENTITY)));
        if ("anomaly".equals(category)) {
            event.set("details", readTree(ANOMALY_DETAILS));
        }
        return AuditLogEntry.parse(event.toString());
    }

    /** An event from its JSON, with single quotes for double ones (to keep the tests' literals readable). */
    public static AuditLogEntry json(String singleQuoted) {
        return AuditLogEntry.parse(singleQuoted.replace('\'', '"'));
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = OcsfTestEvents.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
