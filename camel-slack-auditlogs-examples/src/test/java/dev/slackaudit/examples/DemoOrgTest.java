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

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's organization does not move with the clock: what the README shows is what every run serves. */
class DemoOrgTest {

    @Test
    void servesTheSameEventsEveryTime() {
        SlackAuditLogsSimulator first = new DemoOrg().apply("xoxp-a");
        SlackAuditLogsSimulator second = new DemoOrg().apply("xoxp-b");

        assertEquals(DemoOrg.EVENTS, first.eventCount());
        assertEquals(first.eventJson(), second.eventJson());
    }

    @Test
    void servesOneUtcDayInThePast() {
        SlackAuditLogsSimulator org = new DemoOrg().apply("xoxp-a");

        assertTrue(org.oldestDateCreate() >= DemoOrg.DAY.getEpochSecond());
        assertTrue(org.newestDateCreate() < DemoOrg.DAY.plus(Duration.ofDays(1)).getEpochSecond());
    }
}
