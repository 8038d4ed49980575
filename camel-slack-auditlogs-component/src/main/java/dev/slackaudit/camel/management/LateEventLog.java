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

import java.time.Duration;
import java.time.Instant;

import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events a consumer found late (in the overlap, or by a recheck): how late each was goes into the
 * {@link LatenessStatistics} behind the JMX attributes and the Micrometer meter, and one later than lag plus overlap is
 * logged, in at most one WARN every ten minutes.
 */
public final class LateEventLog {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);
    /** The least time between two WARNs about events later than lag plus overlap. */
    private static final long WARN_INTERVAL_MILLIS = Duration.ofMinutes(10).toMillis();

    private final SlackAuditLogsConfiguration configuration;
    private final LatenessStatistics lateness = new LatenessStatistics();
    private long warnedAt;
    private long sinceWarn;

    public LateEventLog(SlackAuditLogsConfiguration configuration) {
        this.configuration = configuration;
    }

    public LatenessStatistics lateness() {
        return lateness;
    }

    /**
     * Records an event found late.
     *
     * @param readAt  when the window that found it was read, on Slack's clock
     * @param foundBy what found it, for the WARN: "the overlap" or "the recheck"
     */
    public void found(AuditLogEntry event, long readAt, String foundBy) {
        long seconds = Math.max(0, readAt - event.getDateCreate());
        lateness.record(seconds);
        Duration tolerated = configuration.getLag().plus(configuration.getOverlap());
        if (seconds <= tolerated.toSeconds()) {
            return;
        }
        sinceWarn++;
        long millis = System.currentTimeMillis();
        if (warnedAt == 0 || millis - warnedAt >= WARN_INTERVAL_MILLIS) {
            LOG.warn("Slack indexed an event {} late, later than lag + overlap ({}): {} found it ({} {}, date_create {};"
                     + " {} such events since the last such WARN). An event later than recheck ({}) is never"
                     + " delivered: if such figures come close to it, raise recheck. JMX LatenessMaxSeconds and"
                     + " LatenessP99Seconds, and the slack.auditlogs.lateness meter, show the figures",
                     Duration.ofSeconds(seconds), tolerated, foundBy, event.getAction(), event.getId(),
                     Instant.ofEpochSecond(event.getDateCreate()), sinceWarn, configuration.getRecheck());
            warnedAt = millis;
            sinceWarn = 0;
        }
    }
}
