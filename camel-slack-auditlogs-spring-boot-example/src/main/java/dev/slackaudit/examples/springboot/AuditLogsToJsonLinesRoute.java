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
package dev.slackaudit.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** One line per audit event, appended to a file per day, as log shippers and SIEM importers read them. */
@Component
@Profile("!kafka") // the kafka profile sends the events to Kafka instead (ExactlyOnceKafkaConfiguration)
public class AuditLogsToJsonLinesRoute extends RouteBuilder {

    /** The route id, and so the consumer's health check id {@code consumer:slack-audit}. */
    public static final String ROUTE_ID = "slack-audit";

    @Override
    public void configure() {
        // token, base-url and the rest come from camel.component.slack-auditlogs.* in application.yaml; the ha profile
        // reads from master:slack-audit:slack-auditlogs:logs, so only the elected replica polls
        from("{{audit.from:slack-auditlogs:logs}}").routeId(ROUTE_ID)
                // the event exactly as Slack sent it: compact JSON, so one event is one line
                .convertBodyTo(String.class)
                .to("file:{{audit.output-directory}}?fileName=audit-${date:now:yyyy-MM-dd}.jsonl"
                    + "&fileExist=Append&appendChars=\\n");
    }
}
