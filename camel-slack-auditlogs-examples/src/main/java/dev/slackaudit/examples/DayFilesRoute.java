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
import org.apache.camel.builder.RouteBuilder;

/**
 * Appends each event, as the JSON line Slack sent, to the file of its UTC day: {@code audit/2026/11/21.jsonl}.
 * <p>
 * The idempotent consumer remembers the ids written in a file of its own, so the events a restarted consumer reads
 * again (its overlap, or a window that failed half way) are not appended twice. {@code eager(false)} records an id
 * only once its line is written: a crash in between can repeat that line, but never lose it.
 */
final class DayFilesRoute extends RouteBuilder {

    private final AuditStatistics statistics;

    DayFilesRoute(AuditStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void configure() {
        from("direct:day-files")
                .routeId("audit-day-files")
                .idempotentConsumer(header(SlackAuditLogsConstants.ID)).idempotentRepository("writtenEventIds")
                    .eager(false)
                    // the body is an AuditLogEntry: the component's type converter writes it as its original JSON;
                    // CamelSlackAuditLogsTimestamp is date_create as a java.util.Date, for the date functions
                    .to("file:{{examples.data-dir}}/audit"
                        + "?fileName=${date-with-timezone:header.CamelSlackAuditLogsTimestamp:UTC:yyyy/MM/dd}.jsonl"
                        + "&fileExist=Append&appendChars=\\n&charset=UTF-8")
                    .bean(statistics, "lineWritten(${header.CamelFileNameProduced})")
                .end();
    }
}
