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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer example answers from the API it asks, and prints what the README shows. */
class AuditLogQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsTheNewestLoginsOfTheOrganizationNewestFirst() throws Exception {
        try (SlackAuditLogsSimulator org = new DemoOrg().apply("xoxp-queries").start()) {
            List<AuditLogEntry> logins = org.eventJson().stream().map(AuditLogEntry::parse)
                    .filter(event -> event.getAction().equals("user_login")).limit(AuditLogQueries.NEWEST_LOGINS).toList();

            String report = AuditLogQueries.report(org.baseUrl(), "xoxp-queries",
                    Long.toString(DemoOrg.DAY.getEpochSecond()));

            List<String> listed = report.lines().skip(1).limit(AuditLogQueries.NEWEST_LOGINS).toList();
            for (int i = 0; i < logins.size(); i++) {
                assertTrue(listed.get(i).contains(logins.get(i).getActorId()), listed.get(i));
            }
        }
    }

    @Test
    void printsWhatTheReadmeShows() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            AuditLogQueries.main();
        } finally {
            System.setOut(console);
        }

        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("```\n" + printed.toString(StandardCharsets.UTF_8) + "```"),
                () -> "the README's output of AuditLogQueries is\n" + printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void countsTheActionNamesAndSchemasTheApiLists() throws Exception {
        try (SlackAuditLogsSimulator org = SlackAuditLogsSimulator.builder().token("xoxp-queries").events(100).build()
                .start()) {
            JsonNode actions = JSON.readTree(URI.create(org.baseUrl() + "/actions").toURL()).path("actions");
            JsonNode schemas = JSON.readTree(URI.create(org.baseUrl() + "/schemas").toURL()).path("schemas");
            int names = 0;
            for (JsonNode category : actions) {
                names += category.size();
            }

            String report = AuditLogQueries.report(org.baseUrl(), "xoxp-queries", "P1D");

            assertTrue(report.contains("\n" + names + " action names in " + actions.size() + " categories: "), report);
            assertTrue(report.contains("\n" + schemas.size() + " entity schemas, of the types [workspace, enterprise, "), report);
        }
    }
}
