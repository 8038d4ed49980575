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
package dev.slackaudit.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What IDEs read to complete and explain application.yaml keys: written by spring-boot-configuration-processor. */
class ConfigurationMetadataTest {

    @Test
    void describesEveryComponentOptionUnderItsKebabCaseKey() throws IOException {
        Map<String, String> descriptions = new HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json in the starter jar").isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
                descriptions.put(property.get("name").asText(), property.path("description").asText());
            }
        }

        ComponentCatalog.componentOptions().keySet().forEach(option -> {
            String key = "camel.component.slack-auditlogs." + ComponentCatalog.kebabCase(option);
            assertThat(descriptions).as(key).containsKey(key);
            assertThat(descriptions.get(key)).as(key).isNotBlank();
        });
    }
}
