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
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** How the auto-configuration is found, the switches every Camel starter has, and a mistyped bean reference. */
class SlackAuditLogsComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    SlackAuditLogsComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.slack-auditlogs.token=xoxp-from-properties");

    @Test
    void isListedInTheAutoConfigurationImports() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(SlackAuditLogsComponentAutoConfiguration.class.getName());
    }

    @Test
    void copiesThePropertiesOntoTheComponent() {
        runner.run(context -> assertThat(token(context.getBean(CamelContext.class))).isEqualTo("xoxp-from-properties"));
    }

    @Test
    void leavesTheComponentUnconfiguredWhenItsCustomizerIsDisabled() {
        runner.withPropertyValues("camel.component.slack-auditlogs.customizer.enabled=false")
                .run(context -> assertThat(token(context.getBean(CamelContext.class))).isNull());
    }

    @Test
    void backsOffEntirelyWhenDisabled() {
        runner.withPropertyValues("camel.component.slack-auditlogs.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SlackAuditLogsComponentConfiguration.class));
    }

    @Test
    void refusesToStartWhenARepositoryIsNotABeanReference() {
        runner.withPropertyValues("camel.component.slack-auditlogs.state-repository=fileState")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("Refer to a StateRepository bean as #name"));
    }

    private static String token(CamelContext camelContext) {
        return camelContext.getComponent("slack-auditlogs", SlackAuditLogsComponent.class).getConfiguration().getToken();
    }
}
