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
package dev.slackaudit.camel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.siem.ecs.EcsMapper;
import dev.slackaudit.camel.siem.ecs.GeoIpEnrichment;
import dev.slackaudit.camel.siem.ecs.UserAgentEnrichment;

/** Test data and helpers shared by the ECS tests: sample events, MaxMind's test databases, flattened documents. */
public final class EcsTestData {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final Path CITY_DATABASE = resourcePath("/ecs/maxmind/GeoLite2-City-Test.mmdb");
    public static final Path ASN_DATABASE = resourcePath("/ecs/maxmind/GeoLite2-ASN-Test.mmdb");
    /** Both test databases, opened once for all tests (memory-mapped files, released when the JVM ends). */
    public static final GeoIpEnrichment TEST_DATABASES = GeoIpEnrichment.open(CITY_DATABASE.toString(), ASN_DATABASE.toString());

    private EcsTestData() {
    }

    /** A mapper with every enrichment, on MaxMind's test databases. */
    public static EcsMapper enrichedMapper() {
        return new EcsMapper(List.of(UserAgentEnrichment.shared(), TEST_DATABASES));
    }

    public static String resource(String name) {
        try (InputStream in = EcsTestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AuditLogEntry entry(String json) {
        return AuditLogEntry.parse(json);
    }

    /** Every leaf of a document by its dotted path; an array is one leaf (ECS fields hold arrays whole). */
    public static Map<String, JsonNode> flatten(JsonNode document) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        flatten("", document, leaves);
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), leaves));
        } else {
            leaves.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    /** The file system path of a test resource. */
    public static String resourceFile(String name) {
        return resourcePath(name).toString();
    }

    private static Path resourcePath(String name) {
        try {
            return Path.of(EcsTestData.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException(name + " is missing", e);
        }
    }
}
