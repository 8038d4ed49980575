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

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.consumer.WindowReader.ReadWindow;
import dev.slackaudit.camel.management.ConsumerStatistics;
import dev.slackaudit.camel.management.LateEventLog;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;

/**
 * Delivers a window's events through the route, oldest first, one exchange each (or, with a batch size, up to that
 * many of one window in one exchange), and records the position as it goes.
 * <p>
 * The window was read completely before its first event is sent, so once every event up to a point was delivered the
 * checkpoint may move to that point: it is written every {@value #COMMIT_EVERY} events, at the end of the window, when
 * the route stops (between two events) and when an event fails. Before an event is sent, the position also says up to
 * which second events may have been delivered (the mark): a consumer that takes over after a crash looks up those, and
 * reads again only up to the mark before it delivers anything (see {@link WindowPlanner#next}). The mark moves ahead
 * about {@value #MARK_EVERY} events at a time, so a crash in the middle of a long window costs one page and about that
 * many look-ups, not the rest of the window. Within a second the position names the last key delivered, so a graceful
 * restart, even in the middle of a backfill, delivers nothing twice with no idempotent repository at all. An event that
 * still fails after the route's error handling stops the window, and the next poll reads from that event on. A batch is
 * delivered, added to the idempotent repository and passed by the position as a whole, or not at all.
 * <p>
 * Each delivered event's id goes into the {@link DeliveredIds}; one found late (see {@link Role}) is recorded in the
 * consumer's {@link LateEventLog}. A live delivery also tells the consumer's {@link ConsumerStatistics} of each write
 * of the position (for the progress line) and the {@link DeliveredIds} of how many events the overlap held.
 */
public final class WindowDelivery {

    /**
     * The most events between two writes of the position: a crash re-reads at most this many. In a long window each
     * move of the mark (about every {@value #MARK_EVERY} events) stores the position too, so it is written more often.
     */
    public static final int COMMIT_EVERY = 10_000;
    /** About how many events one move of the mark covers (from the window's density); one write of the position each. */
    static final int MARK_EVERY = 1_000;

    private final SlackAuditLogsConsumer consumer;
    private final Role role;
    private final DeliveredIds ids;
    private final CheckpointStore store;
    private final ConsumerStatistics statistics;
    private final LateEventLog lateEvents;
    /** Events per exchange, oldest first, within one window; 0 for one event per exchange with its own headers. */
    private final int batchSize;
    private volatile Position position;

    /** Whose windows a delivery delivers, which tells the events found late among them. */
    public enum Role {
        /**
         * The live windows: an event dated before the checkpoint the window's delivery started from was read again
         * in the overlap, and an earlier read of its second did not see it (it was indexed late).
         */
        LIVE("the overlap"),
        /** The recheck's second look: every event it delivers was missed by the live windows. */
        RECHECK("the recheck");

        private final String foundBy;

        Role(String foundBy) {
            this.foundBy = foundBy;
        }
    }

    /**
     * @param consumer the consumer whose route takes the exchanges, with its batch size, statistics and late events
     * @param store    where this delivery's position is stored
     * @param position where it starts
     */
    public WindowDelivery(SlackAuditLogsConsumer consumer, Role role, DeliveredIds ids, CheckpointStore store,
                          Position position) {
        this.consumer = consumer;
        this.role = role;
        this.ids = ids;
        this.store = store;
        this.statistics = consumer.statistics();
        this.lateEvents = consumer.lateEvents();
        this.batchSize = consumer.getEndpoint().getConfiguration().getBatchSize();
        this.position = position;
    }

    public Position position() {
        return position;
    }

    /** Moves the position elsewhere (an operator's reset, or another consumer's progress) and stores it. */
    public void moveTo(Position moved, boolean store) {
        position = moved;
        if (store) {
            this.store.write(moved);
        }
    }

    /**
     * Sends the window's events through the route, oldest first, skipping those delivered before: one exchange each,
     * or up to {@code batchSize} in one exchange.
     *
     * @return false if the route is stopping and the window was left unfinished (its position is stored)
     */
    public boolean deliver(ReadWindow read) throws Exception {
        Window window = read.window();
        Position start = position;
        NewEvents events;
        int batches = 0;
        if (batchSize == 0) {
            events = new NewEvents(read, start, ids, null, false);
        } else {
            // Camel's batch properties count the window's exchanges, so batch mode counts its new events first. The
            // count keeps the idempotent repository's answers and the delivery replays them: nothing is asked twice,
            // and exactly the events counted go out, whatever another consumer adds to a shared repository meanwhile
            NewEvents counted = new NewEvents(read, start, ids, new BitSet(), false);
            batches = (int) ((counted.count() + batchSize - 1) / batchSize);
            events = new NewEvents(read, start, ids, counted.answers, true);
        }
        List<AuditLogEntry> pending = new ArrayList<>(Math.max(1, batchSize));
        int sent = 0;
        int sinceCommit = 0;
        long markSeconds = markSeconds(read);
        try {
            while (true) {
                // checked before the next read: a stopping consumer's thread is interrupted, and an interrupted
                // thread cannot read a spool file (its channel closes). A suspended consumer is still "run allowed",
                // but Camel's graceful shutdown suspends it first and then waits for its exchanges to end: going on
                // would deliver the rest of the window (up to maxEventsPerWindow events) before the shutdown goes on
                if (!consumer.isRunAllowed() || consumer.isSuspendingOrSuspended()) {
                    store.write(position);
                    return false;
                }
                if (!events.hasNext()) {
                    break;
                }
                pending.add(events.next());
                if (pending.size() < batchSize && events.hasNext()) {
                    continue; // a batch never spans two windows: the window's last one may be smaller
                }
                long newest = pending.get(pending.size() - 1).getDateCreate();
                if (newest > position.deliveredUpTo()) {
                    // before an event past the mark goes out: after a crash, the events up to the new mark are read
                    // and looked up again
                    position = position.withDeliveredUpTo(Math.min(window.to(), newest + markSeconds));
                    store.write(position);
                }
                send(pending, sent++, batches, window);
                for (AuditLogEntry event : pending) {
                    boolean late = role == Role.RECHECK || event.getDateCreate() < start.checkpoint();
                    boolean foundLate = ids.add(event, late);
                    statistics.delivered();
                    if (foundLate) {
                        lateEvents.found(event, read.readAt(), role.foundBy);
                    }
                }
                AuditLogEntry last = pending.get(pending.size() - 1);
                if (last.getDateCreate() >= start.checkpoint()) {
                    position = position.through(last.getDateCreate(), last.getDedupeKey(), read.readAt());
                }
                sinceCommit += pending.size();
                pending.clear();
                if (sinceCommit >= COMMIT_EVERY) {
                    commit();
                    sinceCommit = 0;
                }
            }
        } catch (RuntimeException e) {
            keepProgress(e);
            throw e;
        }
        if (role == Role.LIVE) {
            ids.checkOverlapFits(events.overlapEvents);
        }
        position = position.past(window.to(), read.readAt());
        commit();
        return true;
    }

    private void commit() {
        store.write(position);
        if (role == Role.LIVE) {
            statistics.committed(position.checkpoint());
        }
    }

    /** The seconds that hold about {@value #MARK_EVERY} of the window's events: all of a smaller window's. */
    private static long markSeconds(ReadWindow read) {
        long seconds = read.window().to() - read.window().from() + 1;
        return Math.max(1, seconds * MARK_EVERY / Math.max(1, read.range().size()));
    }

    /** Stores how far delivery came before {@code failure} (reading the spool, say): what went through stays delivered. */
    private void keepProgress(RuntimeException failure) {
        try {
            store.write(position);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Sends one exchange: the event, or the batch {@code index} of the window's {@code batches} (batch mode). */
    private void send(List<AuditLogEntry> events, int index, int batches, Window window) {
        Exchange exchange = consumer.createExchange(false);
        try {
            if (batchSize == 0) {
                EventExchanges.populate(exchange.getIn(), events.get(0));
            } else {
                EventExchanges.populate(exchange, events, index, batches);
            }
            processToTheEnd(exchange);
            if (exchange.isFailed() || exchange.isRollbackOnly()) {
                store.write(position);
                throw new RuntimeCamelException(EventExchanges.describe(events) + " failed after the route's error"
                                                + " handling; the checkpoint stays at "
                                                + Instant.ofEpochSecond(position.checkpoint()) + " and the next poll"
                                                + " delivers the window up to " + Instant.ofEpochSecond(window.to())
                                                + " from there", exchange.getException());
            }
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    /**
     * Runs the route on the exchange and waits for its outcome, however long: a stopping consumer's poll thread is
     * interrupted (Camel cancels the scheduled poll), and an exchange given up half way may still complete in another
     * thread (an asynchronous delay, a thread pool) and reach the sink while this consumer thinks it failed, to be
     * delivered again after a restart. The interrupt is kept for the caller, who stops between two events.
     */
    private void processToTheEnd(Exchange exchange) {
        CountDownLatch done = new CountDownLatch(1);
        boolean interrupted = false;
        try {
            consumer.getAsyncProcessor().process(exchange, doneSync -> done.countDown());
        } catch (Exception e) {
            exchange.setException(e);
            done.countDown();
        }
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
