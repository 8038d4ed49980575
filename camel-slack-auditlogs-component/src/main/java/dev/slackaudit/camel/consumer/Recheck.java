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
import java.time.Instant;

import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.client.ClientStatistics;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.consumer.WindowReader.ReadWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second look for events Slack indexed later than lag plus overlap (docs/late-events.md). Every
 * {@code recheckInterval} a pass reads once more the span from now minus {@code recheck} up to where the overlap
 * begins, oldest first, in windows of about one page, and delivers through the usual path whatever the idempotent
 * repository has not seen.
 * <p>
 * It yields to live delivery: the consumer calls {@link #step} once per poll, after the poll caught up, and a step
 * reads at most one window. Its cost is bounded: a budget refilled over time at {@value #SHARE} of one request per
 * {@code delay} (the requests the polls make once caught up) pays for every request it sends, so on dense history a
 * pass takes longer rather than spending more; and each pass covers only the span that budget pays for in one
 * {@code recheckInterval} at the density seen, so that the passes still come every interval. It reads no further back
 * than the idempotent repository can vouch for ({@link IdempotentCoverage}), nor before a checkpoint reset.
 * <p>
 * Its position, stored like the main one under its own key ({@code <checkpoint key>.recheck}), is a {@link Position}
 * whose checkpoint is the first second the pass has not rechecked and whose delivered mark is the pass's last second:
 * every event up to there is looked up in the idempotent repository. A pass is under way while the checkpoint is not
 * past that mark, so a restart resumes it where it stopped; the main checkpoint is never touched.
 */
public final class Recheck {

    /**
     * The share of the polls' requests a recheck may spend: 4.5%, below the 5% aimed at, as an hour may also spend what
     * the budget saved before it (one window's overflow, a pass that cost less), which the quota benchmark counts.
     */
    static final double SHARE = 0.045;
    /** A request reads at most a page; a window is sized to fill this share of it. */
    private static final double FILL = 0.9;
    /** The density is the average over about the last week of history read, so that old bursts fade. */
    private static final long DENSITY_MEMORY_SECONDS = Duration.ofDays(7).toSeconds();
    private static final long UNSCHEDULED = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);

    private final long spanSeconds;
    private final long intervalSeconds;
    private final long overlapSeconds;
    private final WindowPlanner live;
    private final WindowReader reader;
    private final WindowDelivery delivery;
    private final CheckpointStore store;
    /** The last checkpoint reset, stored beside the recheck position: a restart must not read before it either. */
    private final CheckpointStore floorStore;
    private final ClientStatistics client;
    private final int pageSize;
    private final double budgetPerPass;
    private final double creditPerNano;
    private double credit = 1;
    private long creditAt = System.nanoTime();
    /** The last second of the pass under way, or {@code null} between passes. */
    private Long passEnd;
    /** When the next pass is due (Slack's clock); {@link #UNSCHEDULED} until the first caught-up poll. */
    private long nextPassAt;
    /** Rechecks read no further back than this (a checkpoint reset: events before it are not to be delivered). */
    private long floor = Long.MIN_VALUE;
    private volatile long requests;
    /** The seconds the next window covers: about one page at the density seen. */
    private long windowSpan = Long.MAX_VALUE / 4;
    private double eventsSeen;
    private double secondsSeen;
    private boolean reload;

    /**
     * The recheck of {@code consumer}, whose live windows {@code live} plans and {@code liveReader} reads: with a
     * planner of its own (windows of about a page, so that one never holds a poll up for long; its cap on a window's
     * events is one page), a reader with its own range read ahead, and a delivery moving its own position beside the
     * live one ({@code <checkpoint key>.recheck}); {@code null} when {@code recheck} is 0, or for a bounded export
     * ({@code latest} set). The budget is a share of one request per {@code delay}, the time between polls.
     */
    public static Recheck of(SlackAuditLogsConsumer consumer, WindowPlanner live, WindowReader liveReader,
                             DeliveredIds ids, CheckpointStore liveStore, ClientStatistics client) {
        SlackAuditLogsConfiguration configuration = consumer.getEndpoint().getConfiguration();
        return configuration.getRecheck().isZero() || configuration.getLatest() != null
                ? null : new Recheck(consumer, configuration, live, liveReader, ids, liveStore.beside(".recheck"), client);
    }

    private Recheck(SlackAuditLogsConsumer consumer, SlackAuditLogsConfiguration configuration, WindowPlanner live,
                    WindowReader liveReader, DeliveredIds ids, CheckpointStore store, ClientStatistics client) {
        this.spanSeconds = configuration.getRecheck().toSeconds();
        this.intervalSeconds = configuration.getRecheckInterval().toSeconds();
        this.overlapSeconds = configuration.getOverlap().toSeconds();
        this.pageSize = configuration.getLimit();
        this.live = live;
        this.reader = liveReader.withPlanner(new WindowPlanner(configuration.getLag(), configuration.getOverlap(), null,
                                                               null, pageSize, pageSize));
        this.delivery = new WindowDelivery(consumer, WindowDelivery.Role.RECHECK, ids, store, Position.start(0));
        this.store = store;
        this.floorStore = store.beside(".floor");
        this.client = client;
        long delayNanos = Math.max(1, Duration.ofMillis(consumer.getEndpoint().getDelay()).toNanos());
        this.budgetPerPass = Math.max(1, SHARE * configuration.getRecheckInterval().toNanos() / delayNanos);
        this.creditPerNano = SHARE / delayNanos;
        resume(store.read());
    }

    /** Takes up the stored recheck position: a pass under way goes on; after a finished one the next is due later. */
    private void resume(Position stored) {
        reader.discardAhead();
        passEnd = null;
        Position reset = floorStore.read();
        floor = reset == null ? Long.MIN_VALUE : reset.checkpoint();
        if (stored == null) {
            nextPassAt = UNSCHEDULED;
            return;
        }
        delivery.moveTo(stored, false);
        // a pass under way was due one interval before its last window was read, or about: the next one comes an
        // interval after that, not as soon as this one ends
        nextPassAt = stored.readAt() == null ? 0 : stored.readAt() + intervalSeconds;
        if (stored.checkpoint() <= stored.deliveredUpTo()) {
            passEnd = stored.deliveredUpTo();
        }
    }

    /** Deletes the range read ahead (the consumer stops; a restart reads it again). */
    public void discardAhead() {
        reader.discardAhead();
    }

    /** The stored recheck position was moved by another consumer: read it again before the next step. */
    public void reloadLater() {
        reload = true;
    }

    /**
     * The main checkpoint was reset to {@code second}: no recheck reads before it, and the pass under way ends. Both are
     * stored, so that a restart neither resumes that pass nor reads what a reset forward skipped on purpose.
     */
    public void checkpointReset(long second, long now) {
        floor = second;
        floorStore.write(Position.start(second));
        passEnd = null;
        nextPassAt = now + intervalSeconds;
        reader.discardAhead();
        delivery.moveTo(new Position(second, null, second - 1, now), true); // a finished pass, read now
    }

    /** A window of {@code events} events was read (by the live polls or a recheck): learns the history's density. */
    public void observed(Window window, long events) {
        eventsSeen += events;
        secondsSeen += window.to() - window.from() + 1;
        if (secondsSeen > DENSITY_MEMORY_SECONDS) {
            eventsSeen /= 2;
            secondsSeen /= 2;
        }
    }

    /** Requests this consumer's rechecks sent. */
    public long requests() {
        return requests;
    }

    /** The first second the pass under way has not rechecked, or {@code null} between passes. */
    public Long passCheckpoint() {
        return passEnd == null ? null : delivery.position().checkpoint();
    }

    /**
     * Reads and delivers at most one window of the recheck, if one is due and the budget allows it.
     *
     * @param now         Slack's time
     * @param checkpoint  the main checkpoint
     * @param vouchedFrom the first second the idempotent repository vouches for
     * @return            false if the route is stopping and the window was left unfinished
     */
    public boolean step(long now, long checkpoint, long vouchedFrom) throws Exception {
        if (reload) {
            reload = false;
            resume(store.read());
        }
        refill();
        if (nextPassAt == UNSCHEDULED) {
            // the first pass comes one interval after the first caught-up poll, not at once: what a first start has
            // just read needs no second look yet. Stored (as a finished pass read now), so restarts do not defer it
            nextPassAt = now + intervalSeconds;
            delivery.moveTo(new Position(now, null, now - 1, now), true);
            return true;
        }
        if (passEnd == null && (now < nextPassAt || !startPass(now, checkpoint, vouchedFrom))) {
            return true;
        }
        if (credit < 1) {
            return true;
        }
        long from = Math.max(vouchedFrom, floor);
        if (delivery.position().checkpoint() < from) {
            // the repository forgot ids since the pass began (or someone else delivered): skip what it cannot vouch for
            reader.discardAhead();
            delivery.moveTo(Position.start(from).withDeliveredUpTo(passEnd), true);
        }
        if (delivery.position().checkpoint() > passEnd) {
            finishPass();
            return true;
        }
        Window window = nextWindow(delivery.position().checkpoint());
        long before = client.getRequests();
        ReadWindow read;
        try {
            read = reader.read(window, now);
        } finally {
            long spent = client.getRequests() - before;
            credit -= spent;
            requests += spent;
        }
        if (read == null) {
            windowSpan = Math.max(1, (window.to() - window.from() + 1) / 2); // too many events: a narrower one next
            return true;
        }
        try (read) {
            if (!delivery.deliver(read)) {
                return false;
            }
        }
        long events = read.range().size();
        long seconds = window.to() - window.from() + 1;
        // sized from this window's density; an empty one doubles the span rather than going back to the whole pass,
        // which would overflow again and cost its pages for nothing
        windowSpan = events == 0 ? Math.min(Long.MAX_VALUE / 4, windowSpan * 2)
                : Math.max(1, (long) (FILL * pageSize * seconds / events));
        observed(window, events);
        if (delivery.position().checkpoint() > passEnd) {
            finishPass();
        }
        return true;
    }

    /**
     * The next window from {@code cursor}: the range read ahead if it starts there, else {@link #windowSpan} seconds,
     * ending before the range read ahead and at the pass's end. Sized here from the density rather than by the live
     * planner, which makes the window after an empty one unbounded: right for the live edge, where history ends, but
     * in the middle of a pass an unbounded window overflows again.
     */
    private Window nextWindow(long cursor) {
        Long aheadFrom = reader.aheadFrom();
        if (aheadFrom != null && aheadFrom == cursor) {
            return new Window(cursor, cursor, reader.aheadTo());
        }
        long to = passEnd - cursor < windowSpan ? passEnd : cursor + windowSpan - 1;
        if (aheadFrom != null && aheadFrom > cursor) {
            to = Math.min(to, aheadFrom - 1);
        }
        return new Window(cursor, cursor, to);
    }

    /** Plans a pass; false if there is nothing to recheck (the span is empty, or not vouched for). */
    private boolean startPass(long now, long checkpoint, long vouchedFrom) {
        nextPassAt = now + intervalSeconds;
        long end = Math.min(checkpoint, live.horizon(now) + 1) - overlapSeconds - 1;
        long from = Math.max(Math.max(now - spanSeconds, end - affordableSeconds() + 1), Math.max(vouchedFrom, floor));
        if (from > end) {
            LOG.debug("No recheck due: nothing between {} and {} to read again", Instant.ofEpochSecond(from),
                      Instant.ofEpochSecond(end));
            return false;
        }
        passEnd = end;
        windowSpan = eventsSeen <= 0 ? Long.MAX_VALUE / 4
                : Math.max(1, (long) (FILL * pageSize * secondsSeen / eventsSeen));
        reader.discardAhead();
        delivery.moveTo(Position.start(from).withDeliveredUpTo(end), true);
        LOG.debug("Recheck of {}..{} begins ({} requests spent on rechecks so far)", Instant.ofEpochSecond(from),
                  Instant.ofEpochSecond(end), requests);
        return true;
    }

    private void finishPass() {
        LOG.debug("Recheck up to {} done; the next is due at {}", Instant.ofEpochSecond(passEnd),
                  Instant.ofEpochSecond(nextPassAt));
        passEnd = null;
    }

    /**
     * The span one pass can afford: what the budget of one interval reads in windows of {@value #FILL} of a page, at
     * the density seen (all of it while the density is unknown: the budget still bounds what the pass spends).
     */
    private long affordableSeconds() {
        if (eventsSeen <= 0) {
            return Long.MAX_VALUE / 2;
        }
        double perSecond = eventsSeen / secondsSeen;
        return Math.max(1, (long) (budgetPerPass * pageSize * FILL / perSecond));
    }

    private void refill() {
        long nanos = System.nanoTime();
        credit = Math.min(budgetPerPass, credit + (nanos - creditAt) * creditPerNano);
        creditAt = nanos;
    }
}
