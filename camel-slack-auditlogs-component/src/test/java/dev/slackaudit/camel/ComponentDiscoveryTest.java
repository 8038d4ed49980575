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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated build output is in the jar: a plain CamelContext finds the component, its configurers and catalog. */
class ComponentDiscoveryTest {

    @Test
    void aPlainCamelContextFindsTheComponentOnTheClasspath() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertInstanceOf(SlackAuditLogsComponent.class, context.getComponent("slack-auditlogs"));
            assertNotNull(org.apache.camel.support.PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("slack-auditlogs-endpoint", context), "generated endpoint configurer");
            EndpointUriFactory uris = context.getCamelContextExtension().getEndpointUriFactory("slack-auditlogs");
            assertTrue(uris.propertyNames().contains("windowSize"), "generated URI factory");
            assertTrue(uris.secretPropertyNames().contains("token"), "the token is declared secret");
        }
    }

    @Test
    void theCatalogDescribesEveryOptionAndHeader() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/slackaudit/camel/slack-auditlogs.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        assertEquals("slack-auditlogs", catalog.path("component").path("scheme").asText());
        assertEquals("slack-auditlogs:method", catalog.path("component").path("syntax").asText());
        assertTrue(catalog.path("properties").path("token").path("secret").asBoolean());
        assertEquals("PT5S", catalog.path("properties").path("lag").path("defaultValue").asText());
        assertEquals("20000", catalog.path("properties").path("delay").path("defaultValue").asText());
        catalog.path("properties").forEach(option -> assertTrue(!option.path("description").asText().isBlank(),
                () -> "undocumented option " + option));
        assertTrue(catalog.path("headers").has(SlackAuditLogsConstants.ID));
        assertTrue(catalog.path("componentProperties").has("token"), "the token can be set on the component");
    }

    @Test
    void typeConvertersTurnAnEventIntoItsJson() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            var entry = dev.slackaudit.camel.model.AuditLogEntry.parse("{\"id\":\"e1\",\"date_create\":5}");
            assertEquals("{\"id\":\"e1\",\"date_create\":5}", context.getTypeConverter().convertTo(String.class, entry));
            assertEquals(5, ((java.util.Map<?, ?>) context.getTypeConverter().convertTo(java.util.Map.class, entry))
                    .get("date_create"));
            assertEquals(entry, context.getTypeConverter().convertTo(dev.slackaudit.camel.model.AuditLogEntry.class,
                    "{\"id\":\"e1\",\"date_create\":5}"));
        }
    }
}
