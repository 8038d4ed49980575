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
package dev.slackaudit.camel.options;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * A configurer that camel-component-maven-plugin generated, with a check of our own before each option is set; the
 * getters are the generated ones. Camel's binding asks a component for these configurers, so a subclass sees every
 * option however it is set (a URI, camel-main, Quarkus or Spring Boot properties, the endpoint DSL).
 */
abstract class CheckedConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer generated;
    private final PropertyConfigurerGetter options;

    /** @param generated the generated configurer (a configurer and a getter) */
    CheckedConfigurer(PropertyConfigurer generated) {
        this.generated = generated;
        this.options = (PropertyConfigurerGetter) generated;
    }

    /** Sets the option through the generated configurer: what a subclass calls once it has checked the value. */
    final boolean configureGenerated(CamelContext camelContext, Object target, String name,
                                     Object value, boolean ignoreCase) {
        return generated.configure(camelContext, target, name, value, ignoreCase);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return options.getOptionType(name, ignoreCase);
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return options.getOptionValue(target, name, ignoreCase);
    }

    @Override
    public String[] getAutowiredNames() {
        return options.getAutowiredNames();
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return options.getCollectionValueType(target, name, ignoreCase);
    }
}
