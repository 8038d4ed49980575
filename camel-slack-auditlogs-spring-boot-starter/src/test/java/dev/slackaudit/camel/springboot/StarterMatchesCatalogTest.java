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

import java.beans.PropertyDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties class is written by hand (Camel's starter generator only knows org.apache.camel
 * components), so these tests keep it in step with the component catalog: a new component option, a renamed one or a
 * changed default fails the build until the starter follows.
 */
class StarterMatchesCatalogTest {

    /** Spring Boot's own switches from ComponentConfigurationPropertiesCommon, not component options. */
    private static final Set<String> STARTER_SWITCHES = Set.of("class", "enabled", "customizer");

    private final Map<String, JsonNode> catalog = ComponentCatalog.componentOptions();
    private final BeanWrapper starter = new BeanWrapperImpl(new SlackAuditLogsComponentConfiguration());

    @Test
    void offersEveryComponentOptionOfTheCatalog() {
        assertThat(starterOptions()).containsAll(catalog.keySet());
    }

    @Test
    void offersNoOptionTheComponentLacks() {
        assertThat(catalog.keySet()).containsAll(starterOptions());
    }

    @Test
    void givesEachOptionTheCatalogsJavaType() {
        catalog.forEach((option, metadata) -> {
            PropertyDescriptor property = starter.getPropertyDescriptor(option);
            assertThat(property.getReadMethod().getGenericReturnType().getTypeName())
                    .as(option)
                    .isEqualTo(boxed(metadata.get("javaType").asText()));
        });
    }

    @Test
    void givesEachOptionTheCatalogsDefault() {
        catalog.forEach((option, metadata) -> {
            Class<?> type = starter.getPropertyType(option);
            Object expected = metadata.has("defaultValue")
                    ? ApplicationConversionService.getSharedInstance().convert(metadata.get("defaultValue").asText(), type)
                    : null;
            assertThat(starter.getPropertyValue(option)).as(option).isEqualTo(expected);
        });
    }

    private Set<String> starterOptions() {
        Set<String> options = new TreeSet<>();
        for (PropertyDescriptor property : starter.getPropertyDescriptors()) {
            if (!STARTER_SWITCHES.contains(property.getName())) {
                options.add(property.getName());
            }
        }
        return options;
    }

    /** Spring Boot properties are boxed so that "not set" exists; the catalog names the component's primitive. */
    private static String boxed(String javaType) {
        Class<?> primitive = ClassUtils.resolvePrimitiveClassName(javaType);
        return primitive != null ? ClassUtils.resolvePrimitiveIfNecessary(primitive).getName() : javaType;
    }
}
