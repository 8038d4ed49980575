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
package dev.slackaudit.camel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.options.PointInTime;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every entry of every sample Slack wrote (docs examples, SDK test data, Elastic's test data) goes through the
 * simulator and the consumer and comes out JSON-equal: unknown fields, polymorphic values, large numbers and
 * duplicate keys included.
 */
public class SampleRoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "xoxp-samples";
    private static final long AUDIT_LOGS_BEGIN = PointInTime.AUDIT_LOGS_BEGIN.getEpochSecond();
    private static final Pattern DATE_CREATE = Pattern.compile("(\"date_create\"\\s*:\\s*)(\\d+)");

    /** Every sample of audit events: the docs' examples, the SDKs' test data, Elastic's test data. */
    public static List<String> samples() {
        return List.of("docs-logs-example-user-login.json", "docs-entry-example-app-context.json",
                "docs-entry-example-anomaly.json", "java-sdk-logs-shape.json", "java-sdk-test-logs-new-value-array.json",
                "java-sdk-test-logs-new-value-object.json", "python-sdk-mock-logs.json", "python-sdk-test-logs-complete.json",
                "python-sdk-test-logs-unknown-fields.json", "elastic-integrations-test-audit.ndjson");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEntryComesOutAsTheJsonItWentIn(String sample) throws Exception {
        List<String> entries = entriesOf(sample).stream().map(SampleRoundTripTest::datedWhenSlackHasLogs).toList();
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).events(0)
                .entries(entries).build().start();
             CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the samples date from March 2018 (once moved) to 2022: read it in a few windows
                    from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl()
                         + "&oldest=" + AUDIT_LOGS_BEGIN + "&windowSize=P7300D&lag=PT0S&initialDelay=0&maxRequestsPerMinute=0").to("mock:events");
                }
            });
            MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
            events.expectedMessageCount(entries.size());
            context.start();
            MockEndpoint.assertIsSatisfied(context, 20, TimeUnit.SECONDS);

            List<JsonNode> expected = new ArrayList<>();
            for (String entry : entries) {
                expected.add(MAPPER.readTree(entry));
            }
            List<JsonNode> delivered = new ArrayList<>();
            for (var exchange : events.getReceivedExchanges()) {
                String json = exchange.getMessage().getBody(String.class);
                assertFalse(json.contains("\n"), "one line, ready for JSON Lines");
                delivered.add(MAPPER.readTree(json));
                AuditLogEntry entry = exchange.getMessage().getBody(AuditLogEntry.class);
                assertEquals(MAPPER.readTree(json), MAPPER.valueToTree(exchange.getMessage().getBody(Map.class)));
                assertEquals(json, MAPPER.writeValueAsString(entry), "Jackson writes the event, not a wrapper");
            }
            assertTrue(delivered.containsAll(expected) && expected.containsAll(delivered),
                    "delivered " + delivered.size() + " entries JSON-equal to the " + expected.size() + " served");
        }
    }

    /**
     * The entry, its date moved into the span Slack serves if it lies before (SDK placeholders: date_create 123),
     * since oldest cannot reach before March 2018; the rest of the text stays as written, duplicate keys included.
     */
    private static String datedWhenSlackHasLogs(String entry) {
        Matcher date = DATE_CREATE.matcher(entry);
        if (!date.find() || Long.parseLong(date.group(2)) >= AUDIT_LOGS_BEGIN) {
            return entry;
        }
        return entry.substring(0, date.start(2)) + (AUDIT_LOGS_BEGIN + Long.parseLong(date.group(2)))
               + entry.substring(date.end(2));
    }

    /** The entries of a sample: a whole {@code /logs} body, a single entry, or one entry per line. */
    public static List<String> entriesOf(String sample) throws IOException {
        String text;
        try (InputStream in = SampleRoundTripTest.class.getResourceAsStream("/samples/" + sample)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> entries = new ArrayList<>();
        if (sample.endsWith(".ndjson")) {
            text.lines().filter(line -> !line.isBlank()).forEach(entries::add);
            return entries;
        }
        JsonNode root = MAPPER.readTree(text);
        if (!root.has("entries")) {
            entries.add(text);
            return entries;
        }
        // the simulator takes one string per entry; a tree round trip keeps every field (not a duplicate key)
        for (JsonNode entry : root.get("entries")) {
            entries.add(MAPPER.writeValueAsString(entry));
        }
        return entries;
    }
}
