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
package dev.slackaudit.examples;

import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The beans the routes refer to by name, all kept under {@code examples.data-dir}: the consumers' checkpoints, the ids
 * each day-file route has written, the JMS connection and, for a {@code vm://} URL, the embedded broker.
 */
public class ExamplesConfiguration implements CamelConfiguration {

    /** Comfortably more than the events of a 5-minute overlap, even for a busy organization. */
    private static final int REMEMBERED_IDS = 100_000;

    @PropertyInject("examples.data-dir")
    private String dataDir;
    @PropertyInject("examples.jms.url")
    private String jmsUrl;

    @PropertyInject("examples.alerts.actions")
    private String alertActions;
    @PropertyInject("examples.alerts.app-install-actions")
    private String appInstallActions;
    @PropertyInject("examples.alerts.broad-scopes")
    private String broadScopes;
    @PropertyInject(value = "examples.alerts.internal-email-domains", defaultValue = "")
    private String internalEmailDomains;

    /** Checkpoints of both consumers (key=ISO instant lines), readable and editable by hand. */
    @BindToRegistry("checkpoints")
    public StateRepository<String, String> checkpoints() {
        return FileStateRepository.fileStateRepository(data("checkpoints.properties").toFile());
    }

    /** The ids the Java consumer has delivered to all its destinations (its idempotentRepository option). */
    @BindToRegistry("deliveredEventIds")
    public IdempotentRepository deliveredEventIds() {
        return new RecentIdsFileRepository(data("delivered-ids.txt"), REMEMBERED_IDS);
    }

    @BindToRegistry("writtenEventIds")
    public IdempotentRepository writtenEventIds() {
        return new RecentIdsFileRepository(data("audit-written-ids.txt"), REMEMBERED_IDS);
    }

    /** The YAML route's own: it writes its own folder, so it must remember its own ids. */
    @BindToRegistry("yamlWrittenEventIds")
    public IdempotentRepository yamlWrittenEventIds() {
        return new RecentIdsFileRepository(data("yaml-audit-written-ids.txt"), REMEMBERED_IDS);
    }

    @BindToRegistry("highRiskEvents")
    public HighRiskEvents highRiskEvents() {
        return new HighRiskEvents(alertActions, appInstallActions, broadScopes, internalEmailDomains);
    }

    /**
     * The connection to the broker, at any URL Artemis's client understands ({@code vm://0}, {@code tcp://host:61616});
     * camel-jms picks it up from the registry by type. The caching factory keeps one connection and reuses sessions
     * and producers: without it Spring's JmsTemplate would open a connection for every message sent.
     */
    @BindToRegistry(value = "jmsConnectionFactory", destroyMethod = "destroy")
    public ConnectionFactory jmsConnectionFactory() {
        return new CachingConnectionFactory(new ActiveMQConnectionFactory(jmsUrl));
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        if (jmsUrl.startsWith("vm://")) {
            camelContext.addService(new EmbeddedBroker(data("broker")), true, true);
        }
    }

    private Path data(String name) {
        return Path.of(dataDir).resolve(name);
    }
}
