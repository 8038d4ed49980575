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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that keep the Kamelet in step with the component as both grow: every property but {@code format} is a
 * component option passed through under its own name, none repeats a component default, the token is a secret, and
 * {@code format} offers the component's data types.
 */
class KameletDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}");

    private final Map<String, Object> kamelet = load("kamelets/slack-audit-logs-source.kamelet.yaml");
    private final Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
    private final Map<String, Map<String, Object>> properties = map(definition, "properties");
    private final Map<String, Object> from = map(map(map(kamelet, "spec"), "template"), "from");
    /** The Kamelet's own properties: they shape the message, they are not options of the component. */
    private static final Set<String> OWN_PROPERTIES = Set.of("format");

    @Test
    void passesEveryPropertyToTheComponentOptionOfTheSameName() {
        Map<String, Object> uriParameters = map(from, "parameters");
        Set<String> used = new TreeSet<>();
        uriParameters.forEach((option, value) -> {
            Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
            assertTrue(placeholder.find(), option + " takes its value from a property");
            assertEquals(option, placeholder.group(1), "option " + option + " is fed by the property of its name");
            used.add(option);
        });

        assertEquals(componentProperties(), used, "every property is used, every parameter declared");
    }

    @Test
    void exposesOnlyOptionsTheComponentHas() throws IOException {
        JsonNode catalogProperties = componentCatalog().get("properties");

        for (String property : componentProperties()) {
            assertNotNull(catalogProperties.get(property), property + " is an endpoint option of slack-auditlogs");
        }
    }

    @Test
    void typesEveryDurationOptionAsTextSoItTakesTheComponentsUnits() throws IOException {
        JsonNode catalogProperties = componentCatalog().get("properties");

        properties.forEach((name, property) -> {
            if (catalogProperties.path(name).path("description").asText().contains("ISO-8601 duration")) {
                assertEquals("string", property.get("type"), name + " takes 20s or PT20S as the component does");
            }
        });
    }

    @Test
    void declaresNoDefaultSoTheComponentsDefaultsApply() {
        componentProperties().forEach(name -> assertFalse(properties.get(name).containsKey("default"),
                name + " has a default"));
    }

    @Test
    void offersTheEventAsSlackSentItByDefaultOrEachDataTypeOfTheComponent() throws IOException {
        Map<String, Object> format = properties.get("format");
        assertEquals("raw", format.get("default"));
        assertEquals(List.of("raw", "ecs", "ocsf"), format.get("enum"));
        try (ZipFile jar = new ZipFile(stagedComponentJar().toFile())) {
            for (Object value : List.of("ecs", "ocsf")) {
                assertNotNull(jar.getEntry("META-INF/services/org/apache/camel/transformer/slack-auditlogs-" + value),
                        "the component's jar provides the data type slack-auditlogs:" + value);
            }
        }
    }

    private Set<String> componentProperties() {
        Set<String> names = new TreeSet<>(properties.keySet());
        names.removeAll(OWN_PROPERTIES);
        return names;
    }

    @Test
    void requiresTheTokenAndTreatsItAsASecret() {
        assertEquals(List.of("token"), definition.get("required"));
        assertEquals("password", properties.get("token").get("format"));
        assertEquals(List.of("urn:camel:group:credentials"), properties.get("token").get("x-descriptors"));
    }

    @Test
    void dependsOnThisVersionOfTheComponent() {
        assertTrue(((List<?>) map(kamelet, "spec").get("dependencies")).contains("mvn:" + CamelRun.COMPONENT_GAV));
    }

    /** The component's jar this build staged. */
    private static Path stagedComponentJar() {
        String version = System.getProperty("component.version");
        return CamelRun.STAGED_REPOSITORY.resolve(
                "dev/slackaudit/camel-slack-auditlogs/" + version + "/camel-slack-auditlogs-" + version + ".jar");
    }

    /** The catalog the component's jar carries, read from the jar this build staged. */
    private static JsonNode componentCatalog() throws IOException {
        try (ZipFile jar = new ZipFile(stagedComponentJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("META-INF/dev/slackaudit/camel/slack-auditlogs.json"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String resource) {
        try (InputStream in = KameletDefinitionTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is packaged");
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Map<String, ?> parent, String key) {
        Object child = parent.get(key);
        assertTrue(child instanceof Map, key + " is a mapping");
        return (Map<String, V>) child;
    }
}
