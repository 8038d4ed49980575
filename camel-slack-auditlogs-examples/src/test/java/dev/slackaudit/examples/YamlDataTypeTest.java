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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SIEM data types in the YAML DSL, written as the README shows them: {@code transformDataType: {toType: ...}}. */
class YamlDataTypeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LOGIN = "{\"id\":\"a1\",\"date_create\":1700000000,\"action\":\"user_login\","
                                        + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W1\"}}}";

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private String transformInYaml(String toType) throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:siem
                      steps:
                        - transformDataType:
                            toType: %s
                        - convertBodyTo:
                            type: java.lang.String
                """.formatted(toType);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("siem.camel.yaml", yaml));
        context.start();
        return context.createProducerTemplate().requestBody("direct:siem", AuditLogEntry.parse(LOGIN), String.class);
    }

    @Test
    void aYamlRouteTurnsAnEventIntoAnEcsDocument() throws Exception {
        JsonNode document = MAPPER.readTree(transformInYaml("slack-auditlogs:ecs"));

        assertEquals(LOGIN, document.path("event").path("original").asText());
        assertEquals("a1", document.path("event").path("id").asText());
    }

    @Test
    void aYamlRouteTurnsAnEventIntoAnOcsfEvent() throws Exception {
        JsonNode document = MAPPER.readTree(transformInYaml("slack-auditlogs:ocsf"));

        assertEquals(LOGIN, document.path("raw_data").asText());
        assertEquals("a1", document.path("metadata").path("uid").asText());
    }
}
