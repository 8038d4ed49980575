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

import org.apache.camel.builder.RouteBuilder;

/**
 * The one route that reads Slack: each audit event goes to the day files, the queue and the alert filter.
 * <p>
 * One consumer fanning out, rather than a consumer per destination, because Slack's request quota (about 50 calls a
 * minute) is shared by every app of the organization, and because one checkpoint then covers every destination: the
 * multicast is synchronous and stops on the first failure, so the consumer only moves its checkpoint past a window
 * when all three destinations have taken every event of it. A failure makes the next poll read the window again: the
 * consumer's idempotent repository drops the events every destination already took, and the day-file route's own
 * idempotent consumer keeps an event that reached the files but not the queue from being written twice.
 */
final class AuditEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        // token and baseUrl come from camel.component.slack-auditlogs.* in application.properties
        from("slack-auditlogs:logs?oldest={{slack.oldest}}&latest={{slack.latest}}&lag={{slack.lag}}"
             + "&delay={{slack.delay}}"
             // the checkpoint survives restarts, under a key of its own (the YAML route keeps another one); the ids
             // of delivered events too, so the overlap a restart reads again reaches no destination twice
             + "&stateRepository=#checkpoints&stateKey=examples-java-dsl&idempotentRepository=#deliveredEventIds")
                .routeId("slack-audit-events")
                .multicast().stopOnException()
                    .to("direct:day-files", "direct:audit-queue", "direct:security-alerts");
    }
}
