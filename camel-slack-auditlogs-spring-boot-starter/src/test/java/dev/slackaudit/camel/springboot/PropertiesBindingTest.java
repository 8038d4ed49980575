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

import java.io.File;
import java.time.Duration;

import dev.slackaudit.camel.SlackAuditLogsComponent;
import dev.slackaudit.camel.SlackAuditLogsEndpoint;
import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.slack-auditlogs.* set in Spring Boot ends up on the component Camel routes with. */
@SpringBootTest(properties = {
        "camel.component.slack-auditlogs.token=xoxp-bound-from-properties",
        "camel.component.slack-auditlogs.base-url=http://127.0.0.1:8099/audit/v1",
        "camel.component.slack-auditlogs.limit=500",
        "camel.component.slack-auditlogs.lag=PT0S",
        "camel.component.slack-auditlogs.overlap=90s",
        "camel.component.slack-auditlogs.delay=5s",
        "camel.component.slack-auditlogs.state-repository=#fileState",
        "camel.component.slack-auditlogs.idempotent-repository=#bean:deliveredIds" })
class PropertiesBindingTest {

    @TempDir
    static File stateDirectory;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        FileStateRepository fileState() {
            return FileStateRepository.fileStateRepository(new File(stateDirectory, "checkpoints.dat"));
        }

        @Bean
        IdempotentRepository deliveredIds() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    FileStateRepository fileState;
    @Autowired
    IdempotentRepository deliveredIds;

    @Test
    void bindsTheTokenBaseUrlAndLimit() {
        SlackAuditLogsConfiguration configuration = componentConfiguration();

        assertThat(configuration.getToken()).isEqualTo("xoxp-bound-from-properties");
        assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:8099/audit/v1");
        assertThat(configuration.getLimit()).isEqualTo(500);
    }

    @Test
    void bindsDurationsWrittenAsIsoOrInSpringsShortForm() {
        SlackAuditLogsConfiguration configuration = componentConfiguration();

        assertThat(configuration.getLag()).isEqualTo(Duration.ZERO);
        assertThat(configuration.getOverlap()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void givesEveryEndpointTheComponentsDelay() {
        SlackAuditLogsEndpoint endpoint = camelContext.getEndpoint("slack-auditlogs:logs", SlackAuditLogsEndpoint.class);

        assertThat(endpoint.getDelay()).isEqualTo(5000);
    }

    @Test
    void resolvesRepositoryReferencesToTheNamedBeans() {
        SlackAuditLogsConfiguration configuration = componentConfiguration();

        assertThat(configuration.getStateRepository()).isSameAs(fileState);
        assertThat(configuration.getIdempotentRepository()).isSameAs(deliveredIds);
    }

    @Test
    void keepsTheComponentDefaultsOfOptionsLeftUnset() {
        SlackAuditLogsConfiguration configuration = componentConfiguration();

        assertThat(configuration.getWindowSize()).isNull();
        assertThat(configuration.getMaxEventsPerWindow()).isEqualTo(500_000);
        assertThat(configuration.getMaxRequestsPerMinute()).isEqualTo(20);
        assertThat(configuration.getOldest()).isEqualTo("P1D");
        assertThat(configuration.isAllowInsecureHttp()).isFalse();
    }

    private SlackAuditLogsConfiguration componentConfiguration() {
        return camelContext.getComponent("slack-auditlogs", SlackAuditLogsComponent.class).getConfiguration();
    }
}
