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

import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Raises an alert for each high-risk event (see {@link HighRiskEvents}): one WARN line in the log and, when
 * {@code examples.alerts.webhook-url} is set, a JSON post {@code {"text": "..."}} to that URL, which is the shape a
 * Slack incoming webhook takes and easy for a SIEM's HTTP collector to read.
 */
final class SecurityAlertsRoute extends RouteBuilder {

    private final AuditStatistics statistics;

    SecurityAlertsRoute(AuditStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void configure() {
        String webhook = getContext().getPropertiesComponent().resolveProperty("examples.alerts.webhook-url")
                .filter(url -> !url.isBlank()).orElse(null);

        var alerts = from("direct:security-alerts")
                .routeId("security-alerts")
                .setVariable("reason", method("highRiskEvents", "reasonFor"))
                .filter(variable("reason").isNotNull())
                    .setVariable("alert", simple("${body.action} by ${body.actorId} on ${body.entityType}"
                                                 + " ${body.entityId} at ${body.dateCreateInstant}: ${variable.reason}"
                                                 + " (event ${body.id})"))
                    .log(LoggingLevel.WARN, "security-alerts", "${variable.alert}")
                    .bean(statistics, "alertRaised");
        if (webhook != null) {
            alerts.setBody(exchange -> Map.of("text", exchange.getVariable("alert", String.class)))
                    .marshal().json()
                    .setHeader("Content-Type", constant("application/json"))
                    .to(webhook + (webhook.contains("?") ? "&" : "?") + "httpMethod=POST");
        }
    }
}
