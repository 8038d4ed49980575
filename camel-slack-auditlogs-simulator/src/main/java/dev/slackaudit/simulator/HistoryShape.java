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
package dev.slackaudit.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Ready-made histories for quota and latency benchmarks, each ending just before the simulator's "now" (or at a
 * given instant): {@code SlackAuditLogsSimulator.builder().shape(HistoryShape.DENSE)}. Events within a shape come in
 * the usual bursts of 1 to 120 per second ({@link BurstSchedule}); combine a shape with
 * {@link SlackAuditLogsSimulator.Builder#burst} or {@link SlackAuditLogsSimulator.Builder#tiedSecond} for more.
 */
public enum HistoryShape {

    /** 2,000 events over 3 days: a small org. */
    QUIET(2_000, Duration.ofDays(3), 0),
    /** 60,000 events over 30 days. */
    TYPICAL(60_000, Duration.ofDays(30), 0),
    /** 1,000,000 events over 1 day. */
    DENSE(1_000_000, Duration.ofDays(1), 0),
    /** 5,000,000 events over 1 day. */
    HEAVY(5_000_000, Duration.ofDays(1), 0),
    /** A quiet day (2,000 events) holding one 100,000-event burst inside 10 minutes, in the middle of the day. */
    BURSTY(2_000, Duration.ofDays(1), 100_000);

    /** How long {@link #BURSTY}'s burst lasts. */
    static final Duration BURST_LENGTH = Duration.ofMinutes(10);

    private final int events;
    private final Duration span;
    private final int burstEvents;

    HistoryShape(int events, Duration span, int burstEvents) {
        this.events = events;
        this.span = span;
        this.burstEvents = burstEvents;
    }

    /** The events spread over the whole span (without the burst). */
    public int events() {
        return events;
    }

    /** How far back the history reaches from its end. */
    public Duration span() {
        return span;
    }

    /** The events of the burst in the middle of the span; 0 for shapes without one. */
    public int burstEvents() {
        return burstEvents;
    }

    /** All events of the shape. */
    public int totalEvents() {
        return events + burstEvents;
    }

    /** Where the burst of a history spanning {@code [start, start + span()]} begins: the middle of the span. */
    Instant burstStart(Instant start) {
        return start.plus(span.dividedBy(2));
    }

    /** The shape named {@code text} (case-insensitive), for the standalone {@code --shape} option. */
    public static HistoryShape parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shape must be one of quiet, typical, dense, heavy, bursty; got '" + text + "'", e);
        }
    }
}
