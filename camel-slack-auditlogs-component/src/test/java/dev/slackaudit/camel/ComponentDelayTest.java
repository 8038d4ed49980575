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
package dev.slackaudit.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code delay} set on the component is the poll interval of every consumer it creates, however the component is
 * configured (Java, or camel-main's and Quarkus' {@code camel.component.slack-auditlogs.delay}); a URI still overrides
 * it. The other scheduler options are refused on the component (BadOptionValuesTest).
 */
class ComponentDelayTest {

    /** Never polls within a test (the first poll an hour away), so nothing needs a server. */
    private static final String URI = "slack-auditlogs:logs?token=RAW(xoxp-delay)&baseUrl=http://127.0.0.1:1/audit/v1"
                                       + "&initialDelay=3600000";

    @Test
    void everyEndpointTakesTheComponentsDelay() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("slack-auditlogs", SlackAuditLogsComponent.class).setDelay("5s");

            assertEquals(5000, context.getEndpoint(URI, SlackAuditLogsEndpoint.class).getDelay());
        }
    }

    @Test
    void aDelayInTheUriOverridesTheComponents() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("slack-auditlogs", SlackAuditLogsComponent.class).setDelay("5s");

            assertEquals(60_000, context.getEndpoint(URI + "&delay=PT1M", SlackAuditLogsEndpoint.class).getDelay());
        }
    }

    @Test
    void withoutADelayAnEndpointPollsEvery20Seconds() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertEquals(20_000, context.getEndpoint(URI, SlackAuditLogsEndpoint.class).getDelay());
        }
    }

    @Test
    void camelMainBindsTheComponentsDelay() throws Exception {
        Main main = new Main();
        main.configure().withJmxEnabled(false);
        main.addInitialProperty("camel.component.slack-auditlogs.delay", "5s");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(URI).routeId("audit").to("log:never");
            }
        });
        try {
            main.start();

            assertEquals(5000, ((SlackAuditLogsEndpoint) main.getCamelContext().getRoute("audit").getEndpoint()).getDelay());
        } finally {
            main.stop();
        }
    }
}
