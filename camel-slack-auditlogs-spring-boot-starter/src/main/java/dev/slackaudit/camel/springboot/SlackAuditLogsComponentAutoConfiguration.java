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

import dev.slackaudit.camel.SlackAuditLogsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Applies {@code camel.component.slack-auditlogs.*} to the slack-auditlogs component when Camel creates it, in the
 * same way as the starters of apache/camel-spring-boot: a {@link ComponentCustomizer} copies the bound properties
 * through the component's generated configurer. {@code camel.component.slack-auditlogs.enabled=false} turns the
 * auto-configuration off, {@code ...customizer.enabled=false} only the copying.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, SlackAuditLogsComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.slack-auditlogs" })
public class SlackAuditLogsComponentAutoConfiguration {

    private static final String PREFIX = "camel.component.slack-auditlogs.";

    /** Static, as Spring Boot asks of binding converters: the binder needs it before this class is instantiated. */
    @Bean
    @ConfigurationPropertiesBinding
    static SlackAuditLogsBeanReferenceConverter slackAuditLogsBeanReferenceConverter(BeanFactory beanFactory) {
        return new SlackAuditLogsBeanReferenceConverter(beanFactory);
    }

    /** Lazy, like Camel's own starters: nothing binds until Camel first asks for the component. */
    @Lazy
    @Bean
    public ComponentCustomizer configureSlackAuditLogsComponent(
            ApplicationContext applicationContext, CamelContext camelContext,
            SlackAuditLogsComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
                refuseEndpointOptions(applicationContext.getEnvironment(), configuration, camelContext, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.slack-auditlogs.customizer")
                       && target instanceof SlackAuditLogsComponent;
            }
        };
    }

    /**
     * Spring Boot ignores a property no field binds, so camel.component.slack-auditlogs.initial-delay would be dropped
     * silently. Each such property goes to the component's configurer instead, which refuses an endpoint's option
     * (initialDelay, greedy...) with the endpoint option to set; a property no slack-auditlogs option knows is left
     * to Spring Boot, as before.
     */
    static void refuseEndpointOptions(Environment environment, SlackAuditLogsComponentConfiguration configuration,
                                      CamelContext camelContext, Component target) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return;
        }
        BeanWrapper bound = new BeanWrapperImpl(configuration);
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> names) {
                for (String property : names.getPropertyNames()) {
                    if (property.startsWith(PREFIX) && !property.substring(PREFIX.length()).contains(".")) {
                        String option = StringHelper.dashToCamelCase(property.substring(PREFIX.length()));
                        if (!bound.isWritableProperty(option)) {
                            target.getComponentPropertyConfigurer().configure(camelContext, target, option,
                                    environment.getProperty(property), true);
                        }
                    }
                }
            }
        }
    }
}
