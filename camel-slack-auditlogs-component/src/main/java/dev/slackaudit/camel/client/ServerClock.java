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
package dev.slackaudit.camel.client;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.ZonedDateTime;

/**
 * Slack's clock, as seen from here: the local clock corrected by the offset learned from the {@code Date} header of
 * Slack's answers (RFC 9110 §6.6.1 obliges a server with a clock to send one; errors and 429s carry it too).
 * <p>
 * A window must never end in Slack's future: Slack answers {@code invalid_range} for "a date ... at some point in the
 * future" (docs/slack-api.md, Rate limits and errors), and with a small {@code lag} a local clock a minute ahead would ask for one. A local clock
 * behind Slack's would instead hold every event back by the difference. The header has whole seconds and is written
 * before the answer travels, so the estimate is at most a second or so behind Slack's real time, never ahead: the
 * safe side for an upper bound.
 */
public final class ServerClock {

    private final Clock local;
    private volatile long offsetMillis;
    private volatile boolean learned;

    public ServerClock() {
        this(Clock.systemUTC());
    }

    ServerClock(Clock local) {
        this.local = local;
    }

    /** Slack's current time, as well as it is known. */
    public Instant now() {
        return local.instant().plusMillis(offsetMillis);
    }

    /** Whether an answer from Slack has told us its time yet. */
    public boolean isLearned() {
        return learned;
    }

    /** How far Slack's clock is ahead of the local one (negative if behind), in milliseconds. */
    public long offsetMillis() {
        return offsetMillis;
    }

    /**
     * Learns Slack's time from a {@code Date} header received just now; ignores a missing or malformed one.
     *
     * @return whether the offset changed by a second or more
     */
    boolean observe(String dateHeader) {
        if (dateHeader == null) {
            return false;
        }
        Instant server;
        try {
            server = ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        long offset = server.toEpochMilli() - local.millis();
        // the header truncates to the second: only a difference of a second or more says the clocks differ
        long previous = offsetMillis;
        if (Math.abs(offset - previous) < 1000 && learned) {
            return false;
        }
        offsetMillis = Math.abs(offset) < 1000 ? 0 : offset;
        learned = true;
        return Math.abs(offsetMillis - previous) >= 1000;
    }
}
