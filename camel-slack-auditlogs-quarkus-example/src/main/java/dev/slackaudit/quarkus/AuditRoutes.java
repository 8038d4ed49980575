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
package dev.slackaudit.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * Every Slack audit event, as the JSON Slack sent, appended to a JSON Lines file per UTC day.
 * <p>
 * Camel Quarkus finds this class at build time and starts the route. The route names no option of the component:
 * token, base URL, filters and repositories come from {@code camel.component.slack-auditlogs.*} in
 * {@code application.properties}, the defaults of every {@code slack-auditlogs} endpoint.
 */
public class AuditRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("slack-auditlogs:logs").routeId("slack-audit")
                .convertBodyTo(String.class) // the event exactly as Slack sent it: compact JSON, one line
                .to("file:{{audit.output-directory}}"
                    + "?fileName=audit-${date-with-timezone:header.CamelSlackAuditLogsTimestamp:UTC:yyyy-MM-dd}.jsonl"
                    + "&fileExist=Append&appendChars=\\n");
    }
}
