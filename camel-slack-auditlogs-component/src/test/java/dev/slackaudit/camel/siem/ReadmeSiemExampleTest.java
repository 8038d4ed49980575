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
package dev.slackaudit.camel.siem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.SlackAuditLogsComponent;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's "One event, both documents" shows what the data types give: its event, transformed with the enrichment
 * it names (user agent parsing, MaxMind's test City and ASN databases), gives exactly its two documents.
 */
class ReadmeSiemExampleTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)\n```", Pattern.DOTALL);

    /** The event, its ECS document and its OCSF document, in the README's order. */
    private final List<String> blocks = exampleBlocks();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        SlackAuditLogsComponent component = new SlackAuditLogsComponent();
        component.setGeoIpCityDatabase(testResource("/ecs/maxmind/GeoLite2-City-Test.mmdb"));
        component.setGeoIpAsnDatabase(testResource("/ecs/maxmind/GeoLite2-ASN-Test.mmdb"));
        camelContext.addComponent("slack-auditlogs", component);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ecs").transformDataType("slack-auditlogs:ecs");
                from("direct:ocsf").transformDataType("slack-auditlogs:ocsf");
            }
        };
    }

    @Test
    void theEcsDocumentIsWhatTheDataTypeGivesForTheEvent() throws Exception {
        assertDocument("direct:ecs", blocks.get(1));
    }

    @Test
    void theOcsfDocumentIsWhatTheDataTypeGivesForTheEvent() throws Exception {
        assertDocument("direct:ocsf", blocks.get(2));
    }

    private void assertDocument(String route, String shown) throws Exception {
        String actual = template.requestBody(route, AuditLogEntry.parse(blocks.get(0)), String.class);
        JsonNode given = MAPPER.readTree(actual);
        assertEquals(MAPPER.readTree(shown), given, () -> "the README should show:\n"
                                                          + prettyPrinted(given));
    }

    private static String prettyPrinted(JsonNode document) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (Exception e) {
            return document.toString();
        }
    }

    private static List<String> exampleBlocks() {
        try {
            String readme = Files.readString(Path.of("..", "README.md"));
            int start = readme.indexOf("### One event, both documents");
            String section = readme.substring(start, readme.indexOf("\n### ", start + 1));
            List<String> found = new ArrayList<>();
            Matcher block = JSON_BLOCK.matcher(section);
            while (block.find()) {
                found.add(block.group(1));
            }
            assertEquals(3, found.size(), "the event and its two documents");
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String testResource(String name) throws URISyntaxException {
        return Path.of(ReadmeSiemExampleTest.class.getResource(name).toURI()).toString();
    }
}
