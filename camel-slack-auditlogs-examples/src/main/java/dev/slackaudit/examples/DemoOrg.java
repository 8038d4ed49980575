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

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;

/**
 * The synthetic Enterprise organization the demo serves: the events of one fixed UTC day, from the simulator's seeded
 * generator. Fixed, not "the last day": a history that moved with the clock gave every run other events, so a second
 * run exported new ones although the first had exported "everything". With a fixed day every run serves the same
 * events, and a second run on the same data directory finds its checkpoint past the day and exports nothing. Its mix follows real logs: mostly logins, file and channel activity, with
 * anomalies, admin role changes, app installs with scopes and downloads by Slack Connect partners among them.
 */
final class DemoOrg implements Function<String, SlackAuditLogsSimulator> {

    static final long SEED = 42;
    static final int EVENTS = 20_000;
    /** The day the events happened: in the past (Slack serves no future) and after March 2018 (nor before that). */
    static final Instant DAY = Instant.parse("2026-11-21T00:00:00Z");
    /** The e-mail domain of the org that seed 42 generates; the partners' users have other domains. */
    static final String EMAIL_DOMAIN = "wonka-industries.example";

    /** Builds (but does not start) the simulator, accepting {@code token}. */
    @Override
    public SlackAuditLogsSimulator apply(String token) {
        return SlackAuditLogsSimulator.builder()
                .seed(SEED)
                .events(EVENTS)
                .timeSpan(DAY, DAY.plus(Duration.ofDays(1)).minusSeconds(1))
                .token(token)
                .build();
    }
}
