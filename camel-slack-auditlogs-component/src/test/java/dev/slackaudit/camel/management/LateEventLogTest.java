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
package dev.slackaudit.camel.management;

import java.util.List;

import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.LogCapture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The events found late: how late each was, and a WARN for those later than lag plus overlap (PT5S + PT6M here). */
class LateEventLogTest {

    private final LateEventLog log = new LateEventLog(new SlackAuditLogsConfiguration());

    private static AuditLogEntry eventAt(long dateCreate) {
        return AuditLogEntry.parse("{\"id\":\"E" + dateCreate + "\",\"date_create\":" + dateCreate
                                   + ",\"action\":\"user_login\"}");
    }

    private static List<String> warnings(LogCapture captured) {
        return captured.text().lines().filter(line -> line.startsWith("WARN")).toList();
    }

    @Test
    void howLateAnEventWasIsRecorded() {
        log.found(eventAt(1_000), 1_090, "the overlap");

        assertEquals(1, log.lateness().count());
        assertEquals(90, log.lateness().maxSeconds());
    }

    @Test
    void anEventWithinLagPlusOverlapIsNotWarnedAbout() {
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            log.found(eventAt(1_000), 1_000 + 365, "the overlap");

            assertEquals(List.of(), warnings(captured));
        }
    }

    @Test
    void eventsLaterThanLagPlusOverlapAreWarnedAboutOnceInTenMinutes() {
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            log.found(eventAt(1_000), 1_000 + 3_600, "the recheck");
            log.found(eventAt(2_000), 2_000 + 3_600, "the recheck");

            assertEquals(List.of("WARN Slack indexed an event PT1H late, later than lag + overlap (PT6M5S): the recheck"
                                 + " found it (user_login E1000, date_create 1970-01-01T00:16:40Z; 1 such events since"
                                 + " the last such WARN). An event later than recheck (PT24H) is never delivered: if"
                                 + " such figures come close to it, raise recheck. JMX LatenessMaxSeconds and"
                                 + " LatenessP99Seconds, and the slack.auditlogs.lateness meter, show the figures"),
                         warnings(captured));
        }
    }
}
