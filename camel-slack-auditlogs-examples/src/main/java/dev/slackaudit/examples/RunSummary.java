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

/** The few lines the demo prints when it ends: what a new user checks to see that every route did its job. */
final class RunSummary {

    private static final int TOP_ACTIONS = 10;

    private RunSummary() {
    }

    static String render(AuditStatistics statistics) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n=== Slack audit logs examples: summary ===%n"));
        text.append(String.format("events taken from the queue, by action (top %d of %d actions):%n", TOP_ACTIONS,
                statistics.takenByAction().size()));
        statistics.takenByAction().entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ACTIONS)
                .forEach(e -> text.append(String.format("  %,8d  %s%n", e.getValue(), e.getKey())));
        text.append(String.format("day files:      %,d lines appended to %d file(s)%n", statistics.linesWritten(),
                statistics.dayFiles().size()));
        statistics.dayFiles().stream().sorted().forEach(file -> text.append(String.format("  %s%n", file)));
        text.append(String.format("queue:          %,d messages put on, %,d taken off%n", statistics.messagesPut(),
                statistics.messagesTaken()));
        text.append(String.format("alerts raised:  %,d (WARN lines of the logger 'security-alerts')%n",
                statistics.alerts()));
        return text.toString();
    }
}
