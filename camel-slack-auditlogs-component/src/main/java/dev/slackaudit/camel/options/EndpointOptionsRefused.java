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

import dev.slackaudit.camel.SlackAuditLogsEndpointConfigurer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.util.StringHelper;

/**
 * The component's generated configurer, which also refuses an option that only an endpoint has (initialDelay, greedy,
 * the other scheduler options) with a message naming the endpoint option to set instead. Camel's binding would
 * otherwise stop camel-main and Quarkus with a generic "property not bound" (camel-main and Camel Quarkus bind
 * {@code camel.component.slack-auditlogs.*} through this configurer).
 */
public final class EndpointOptionsRefused extends CheckedConfigurer {

    private final PropertyConfigurerGetter endpointOptions = new SlackAuditLogsEndpointConfigurer();

    /** @param component the generated configurer of the component (a configurer and a getter) */
    public EndpointOptionsRefused(PropertyConfigurer component) {
        super(component);
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        if (configureGenerated(camelContext, target, name, value, ignoreCase)) {
            return true;
        }
        if (endpointOptions.getOptionType(StringHelper.dashToCamelCase(name), true) != null) {
            throw refusal(StringHelper.dashToCamelCase(name));
        }
        return false;
    }

    /** The message for an endpoint option set on the component. */
    static IllegalArgumentException refusal(String option) {
        return new IllegalArgumentException(option + " is an option of each slack-auditlogs endpoint, not of the"
                                            + " component: set it in the endpoint URI (slack-auditlogs:logs?" + option
                                            + "=...); of the scheduler options only delay can be set on the component");
    }
}
