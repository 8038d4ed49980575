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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The READMEs show what users copy, so they must show the files these tests run. The README paths come from the
 * system properties root.readme and module.readme (set in this module's pom).
 */
class ReadmeTest {

    private static final Path TEST_RESOURCES = Path.of(System.getProperty("test.resources"));

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
}
