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
package dev.slackaudit.camel.consumer;

import java.time.Duration;

/**
 * Decides which time range the consumer reads next (docs/architecture.md, The window). All values are Unix seconds,
 * bounds inclusive, as Slack's {@code oldest} and {@code latest} are.
 * <p>
 * Requests are the limit, not CPU: Slack gives an organization about 50 calls a minute, and since it pages newest first,
 * every window read oldest first pays for one partial page, its oldest. So a window covers all the history there is,
 * from the checkpoint to now minus {@code lag}, unless that holds more than {@code maxEventsPerWindow} events: the
 * window's pages go to disk ({@link dev.slackaudit.camel.client.PageSpool}), so the bound is disk, not heap. When a
 * window turns out to hold more, its density is known from what was read, and the next windows are sized to hold nine
 * tenths of the bound in whole pages, a little under: with the defaults (500,000 events, pages of 9,999) 45 pages
 * each, the last nearly full, within a few percent of one cursor loop over the same range.
 * Why not density alone, with small in-memory windows: a window of 20,000 events costs 3 requests for 2 pages' worth,
 * and a burst would need many. Why not one cursor loop over the whole backlog: a month of a busy organization would
 * have to sit on disk before the first event could be delivered.
 * <p>
 * A window starts at the checkpoint, reaching back {@code overlap} when the events before the checkpoint were read
 * recently enough that Slack may still index some of them, and ends at the earliest of the sized span, now minus lag,
 * {@code latest}, the optional {@code windowSize}, the start of a range already read ahead and, when a window stopped
 * half-way (a crash, a failover, a failed event), the mark up to which its events may have been delivered.
 */
public final class WindowPlanner {

    /** Windows are sized to hold this share of maxEventsPerWindow, so that the next one rarely overflows. */
    private static final double FILL = 0.9;
    /** ...in whole pages, a little under, so that a window's last page is nearly full rather than nearly empty. */
    private static final double WHOLE_PAGES = 0.98;

    /**
     * A range to read.
     *
     * @param from       first second read (the checkpoint minus the overlap)
     * @param checkpoint first second not yet delivered
     * @param to         last second read; the checkpoint moves to {@code to + 1} once the window is delivered
     */
    public record Window(long from, long checkpoint, long to) {

        /** The seconds of new ground the window covers (its overlap excluded). */
        long span() {
            return to - checkpoint + 1;
        }
    }

    private final long lagSeconds;
    private final long overlapSeconds;
    private final Long latest;
    private final long maxSpan;
    private final long maxEvents;
    private final int pageSize;
    /** The span the next window covers, from the density seen so far; unbounded until a window overflows. */
    private long span;

    /**
     * @param windowSize the longest span a window may cover, {@code null} for no limit
     * @param maxEvents  the most events a window holds
     * @param pageSize   the limit sent to Slack
     */
    public WindowPlanner(Duration lag, Duration overlap, Long latest, Duration windowSize, long maxEvents, int pageSize) {
        this.lagSeconds = lag.toSeconds();
        this.overlapSeconds = overlap.toSeconds();
        this.latest = latest;
        this.maxSpan = windowSize == null ? Long.MAX_VALUE : windowSize.toSeconds();
        this.maxEvents = maxEvents;
        this.pageSize = pageSize;
        this.span = maxSpan;
    }

    /** The newest second that may be read now (Slack's clock). */
    public long horizon(long nowSeconds) {
        long horizon = nowSeconds - lagSeconds;
        return latest == null ? horizon : Math.min(horizon, latest);
    }

    /** Whether the checkpoint has passed {@code latest}: a bounded export is complete. */
    public boolean exportComplete(long checkpoint) {
        return latest != null && checkpoint > latest;
    }

    /**
     * Whether some events up to second {@code to}, read at {@code readAt}, may not have been indexed yet, so that the
     * next window should read the overlap again. History read long after it happened (a backfill) was complete.
     */
    public boolean mayMissLateEvents(long to, long readAt) {
        return to > newestSettled(readAt);
    }

    /** The newest second whose events, read at {@code readAt}, were all indexed by then (within lag + overlap). */
    long newestSettled(long readAt) {
        return readAt - lagSeconds - overlapSeconds;
    }

    /**
     * The next window, or {@code null} if there is nothing new to read yet.
     *
     * @param overlap   whether to read the overlap before the checkpoint again
     * @param marked    events up to this second may have been delivered (the position's mark): when it is past the
     *                  checkpoint, a window stopped there (a crash, a failed event), and the window ends at the mark, so
     *                  that the consumer taking over reads again only what may have been delivered before it delivers
     * @param aheadFrom the first second of a range already read ahead, or {@code null}: the window ends before it, or
     *                  is that range when the checkpoint has reached it
     * @param aheadTo   the last second of that range
     */
    public Window next(long checkpoint, long marked, boolean overlap, long nowSeconds, Long aheadFrom, long aheadTo) {
        if (aheadFrom != null && aheadFrom == checkpoint) {
            return new Window(checkpoint, checkpoint, aheadTo);
        }
        long to = Math.min(checkpoint + Math.min(span, maxSpan) - 1, horizon(nowSeconds));
        if (to < 0) {
            to = horizon(nowSeconds); // the sum overflowed: the span is unbounded
        }
        if (marked >= checkpoint) {
            to = Math.min(to, marked);
        }
        if (aheadFrom != null && aheadFrom > checkpoint) {
            to = Math.min(to, aheadFrom - 1);
        }
        if (to < checkpoint) {
            return null;
        }
        long from = overlap ? Math.max(0, checkpoint - overlapSeconds) : checkpoint;
        return new Window(from, checkpoint, to);
    }

    /** Whether a window may hold any number of events: a single second is never split. */
    boolean uncapped(Window window) {
        return window.from() == window.to();
    }

    /** The cap on the events of a window. */
    long maxEvents() {
        return maxEvents;
    }

    /**
     * A window held more than maxEventsPerWindow: reading stopped after {@code events} events reaching back to
     * second {@code oldestRead}. Sizes the next windows from that density.
     */
    void overflowed(Window window, long events, long oldestRead) {
        span = sized(events, window.to() - Math.max(window.from(), oldestRead) + 1);
        span = Math.min(span, Math.max(1, window.span() / 2)); // the same window again would overflow again
    }

    /** A window was delivered: sizes the next one from its density (empty history grows it back to unbounded). */
    public void delivered(Window window, long events) {
        span = events == 0 ? maxSpan : sized(events, window.to() - window.from() + 1);
    }

    private long sized(long events, long seconds) {
        double perSecond = (double) events / Math.max(1, seconds);
        long pages = (long) (FILL * maxEvents / pageSize);
        double target = pages >= 1 ? pages * pageSize * WHOLE_PAGES : FILL * maxEvents;
        return Math.max(1, Math.min(maxSpan, (long) (target / perSecond)));
    }
}
