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
package dev.slackaudit.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot section is what users copy, so it must stay the configuration these tests run. The README
 * is found through the system property readme.file (set in this module's pom).
 */
class ReadmeTest {

    private final String readme = read(Path.of(System.getProperty("readme.file")));

    @Test
    void showsTheApplicationYamlTheExampleRuns() throws IOException {
        String applicationYaml = new String(resource("application.yaml").readAllBytes(), StandardCharsets.UTF_8);

        assertThat(readme).contains("```yaml\n" + applicationYaml);
    }

    @Test
    void listsEveryPropertyTheStarterBinds() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(resource("META-INF/spring-configuration-metadata.json"));

        for (JsonNode property : metadata.get("properties")) {
            assertThat(readme).contains("| `" + property.get("name").asText() + "` |");
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReadmeTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("readme.file " + file + " cannot be read", e);
        }
    }
}
