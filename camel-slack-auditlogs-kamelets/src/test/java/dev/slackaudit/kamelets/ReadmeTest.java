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
package dev.slackaudit.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The READMEs show what users copy, so they must show the files these tests run. The README paths come from the
 * system properties root.readme and module.readme (set in this module's pom).
 */
class ReadmeTest {

    private static final Path TEST_RESOURCES = Path.of(System.getProperty("test.resources"));

    /** A row of the module README's properties table: name, "(required)", type, description. */
    private static final Pattern PROPERTY_ROW = Pattern.compile("(?m)^\\| `(\\w+)`( \\(required\\))? \\| ([^|]+) \\| (.*) \\|$");

    @Test
    void camelJBangSectionShowsTheRouteAndPropertiesTheTestRuns() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("root.readme")));

        assertTrue(readme.contains("```yaml\n# audit.camel.yaml\n" + resource("jbang/audit.camel.yaml") + "```"),
                "the README's audit.camel.yaml is src/test/resources/jbang/audit.camel.yaml");
        String properties = resource("jbang/application.properties");
        assertTrue(readme.contains("```properties\n# application.properties\n" + properties + "```"),
                "the README's application.properties is src/test/resources/jbang/application.properties");
    }

    @Test
    void kameletReadmeShowsThePipeTheTestRuns() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("module.readme")));
        String pipe = resource("pipes/slack-audit-to-siem.yaml").lines()
                .dropWhile(line -> line.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));

        assertTrue(readme.contains("```yaml\n" + pipe + "```"), "the README's Pipe is the one the test runs");
    }

    private static String resource(String name) throws IOException {
        return Files.readString(TEST_RESOURCES.resolve(name));
    }

    @Test
    void kameletReadmeTablesEveryPropertyWithTheKameletsTypeAndDescription() throws IOException {
        Map<String, Object> definition = kameletDefinition();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = PROPERTY_ROW.matcher(Files.readString(Path.of(System.getProperty("module.readme"))));
        while (row.find()) {
            rows.put(row.group(1), row.group(2) != null ? "required" : "");
            Map<String, Object> property = properties.get(row.group(1));
            assertTrue(property != null, "the README lists " + row.group(1) + ", which the Kamelet does not declare");
            String type = property.get("type") + ("password".equals(property.get("format")) ? ", secret" : "");
            assertEquals(type, row.group(3).trim(), "type of " + row.group(1));
            String description = String.valueOf(property.get("description"));
            assertTrue(description.equals(row.group(4)) || description.startsWith(row.group(4) + " "),
                    () -> "the README's description of " + row.group(1) + " is not the Kamelet's first sentences: "
                          + description);
        }
        assertEquals(properties.keySet(), rows.keySet(), "the README lists every property of the Kamelet");
        ((List<?>) definition.get("required")).forEach(required -> assertEquals("required", rows.get(required),
                required + " is marked (required)"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kameletDefinition() throws IOException {
        try (InputStream in = ReadmeTest.class.getResourceAsStream("/kamelets/slack-audit-logs-source.kamelet.yaml")) {
            Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            return (Map<String, Object>) ((Map<String, Object>) kamelet.get("spec")).get("definition");
        }
    }
}
