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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's URI reference keeps up with the catalog: every option and every header has its row. */
class ReadmeReferenceTest {

    private final String readme = read(Path.of("..", "README.md"));
    private final JsonNode catalog = catalog();

    @Test
    void listsEveryEndpointOption() {
        catalog.path("properties").fieldNames().forEachRemaining(option -> {
            if (!option.equals("method")) {
                assertTrue(readme.contains("| `" + option + "` |"), () -> "README.md has no row for option " + option);
            }
        });
    }

    @Test
    void listsEveryHeader() {
        catalog.path("headers").fieldNames().forEachRemaining(header -> assertTrue(
                readme.contains("| `" + header + "` |"), () -> "README.md has no row for header " + header));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static JsonNode catalog() {
        try (InputStream in = ReadmeReferenceTest.class.getResourceAsStream("/META-INF/dev/slackaudit/camel/slack-auditlogs.json")) {
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
