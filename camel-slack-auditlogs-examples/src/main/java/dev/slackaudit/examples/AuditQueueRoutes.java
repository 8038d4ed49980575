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

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.builder.RouteBuilder;

/**
 * A round trip through a JMS queue: one route puts each event on it, the other takes them off and counts them by
 * action, as a downstream system (a SIEM forwarder, an archiver) would.
 * <p>
 * The event travels as a text message holding its JSON. Camel does not copy its own {@code Camel*} headers into JMS
 * properties, so the action is put in a property of its own: a consumer can then select on it
 * ({@code selector=slackAction='anomaly'}) without parsing the body. To use Kafka instead, swap both endpoints for
 * {@code kafka:slack-audit?brokers=...} (camel-kafka); the routes stay the same.
 */
final class AuditQueueRoutes extends RouteBuilder {

    private final AuditStatistics statistics;

    AuditQueueRoutes(AuditStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void configure() {
        from("direct:audit-queue")
                .routeId("audit-queue-put")
                .setHeader("slackAction", header(SlackAuditLogsConstants.ACTION))
                .to("jms:queue:{{examples.jms.queue}}?jmsMessageType=Text")
                .bean(statistics, "putOnQueue");

        from("jms:queue:{{examples.jms.queue}}")
                .routeId("audit-queue-take")
                // the component's type converter turns the JSON back into an AuditLogEntry
                .convertBodyTo(AuditLogEntry.class)
                .bean(statistics, "takenOffQueue(${body.action})");
    }
}
