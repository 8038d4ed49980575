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
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component options as the generated catalog in the component's jar describes them: the source of truth. */
final class ComponentCatalog {

    /** Left out of the starter on purpose; see {@link SlackAuditLogsComponentConfiguration}. */
    static final String WHOLE_CONFIGURATION_OPTION = "configuration";

    private static final String RESOURCE = "META-INF/dev/slackaudit/camel/slack-auditlogs.json";

    private ComponentCatalog() {
    }

    /** The component options the starter must offer, by name, in catalog order. */
    static Map<String, JsonNode> componentOptions() {
        try (InputStream in = ComponentCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<String, JsonNode> options = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).get("componentProperties").fields()
                    .forEachRemaining(option -> options.put(option.getKey(), option.getValue()));
            options.remove(WHOLE_CONFIGURATION_OPTION);
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code maxRequestsPerMinute} as Spring writes it in properties: {@code max-requests-per-minute}. */
    static String kebabCase(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
