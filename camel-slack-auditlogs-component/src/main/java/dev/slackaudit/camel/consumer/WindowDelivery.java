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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.LongConsumer;

import dev.slackaudit.camel.BatchIdempotentRepository;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.consumer.WindowReader.ReadWindow;
import dev.slackaudit.camel.management.ConsumerStatistics;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;

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
 */
public final class WindowDelivery {

    /**
     * The most events between two writes of the position: a crash re-reads at most this many. In a long window each
     * move of the mark (about every {@value #MARK_EVERY} events) stores the position too, so it is written more often.
     */
    public static final int COMMIT_EVERY = 10_000;
    /** About how many events one move of the mark covers (from the window's density); one write of the position each. */
    static final int MARK_EVERY = 1_000;

    private final DefaultConsumer consumer;
    private final IdempotentRepository idempotentRepository;
    private final Function<AuditLogEntry, String> idempotentKey;
    private final CheckpointStore store;
    private final ConsumerStatistics statistics;
    private final int batchSize;
    private final LongConsumer overlapRead;
    private final Runnable committed;
    private volatile Position position;
    private DeliveredEvents deliveredEvents = (event, beforeStart, readAt) -> {
    };

    /** Hears of each event delivered (the consumer measures lateness and what the idempotent repository holds). */
    public interface DeliveredEvents {
        /**
         * @param beforeStart whether the event is dated before the checkpoint the window's delivery started from: an
         *                    earlier read covered its second and did not see it (it was indexed late)
         * @param readAt      when the window was read, on Slack's clock
         */
        void delivered(AuditLogEntry event, boolean beforeStart, long readAt);
    }

    /**
     * @param batchSize   events per exchange, oldest first, within one window; 0 for one event per exchange with its
     *                    own headers
     * @param overlapRead told how many events before the checkpoint each window read again
     * @param committed   told after each write of the position
     */
    public WindowDelivery(DefaultConsumer consumer, IdempotentRepository idempotentRepository,
                   Function<AuditLogEntry, String> idempotentKey, CheckpointStore store, ConsumerStatistics statistics,
                   int batchSize, LongConsumer overlapRead, Runnable committed, Position position) {
        this.consumer = consumer;
        this.idempotentRepository = idempotentRepository;
        this.idempotentKey = idempotentKey;
        this.store = store;
        this.statistics = statistics;
        this.batchSize = batchSize;
        this.overlapRead = overlapRead;
        this.committed = committed;
        this.position = position;
    }

    /** Tells {@code listener} of every event delivered from now on. */
    public WindowDelivery onDelivered(DeliveredEvents listener) {
        this.deliveredEvents = listener;
        return this;
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
            events = new NewEvents(read, start, null, false);
        } else {
            // Camel's batch properties count the window's exchanges, so batch mode counts its new events first. The
            // count keeps the idempotent repository's answers and the delivery replays them: nothing is asked twice,
            // and exactly the events counted go out, whatever another consumer adds to a shared repository meanwhile
            NewEvents counted = new NewEvents(read, start, new BitSet(), false);
            batches = (int) ((counted.count() + batchSize - 1) / batchSize);
            events = new NewEvents(read, start, counted.answers, true);
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
                    idempotentRepository.add(idempotentKey.apply(event));
                    statistics.delivered();
                    deliveredEvents.delivered(event, event.getDateCreate() < start.checkpoint(), read.readAt());
                }
                AuditLogEntry last = pending.get(pending.size() - 1);
                if (last.getDateCreate() >= start.checkpoint()) {
                    position = position.through(last.getDateCreate(), last.getDedupeKey(), read.readAt());
                }
                sinceCommit += pending.size();
                pending.clear();
                if (sinceCommit >= COMMIT_EVERY) {
                    store.write(position);
                    committed.run();
                    sinceCommit = 0;
                }
            }
        } catch (RuntimeException e) {
            keepProgress(e);
            throw e;
        }
        overlapRead.accept(events.overlapEvents);
        position = position.past(window.to(), read.readAt());
        store.write(position);
        committed.run();
        return true;
    }

    /** The seconds that hold about {@value #MARK_EVERY} of the window's events: all of a smaller window's. */
    private static long markSeconds(ReadWindow read) {
        long seconds = read.window().to() - read.window().from() + 1;
        return Math.max(1, seconds * MARK_EVERY / Math.max(1, read.range().size()));
    }

    /**
     * The window's events still to deliver, oldest first: those inside the window that were not delivered before
     * (one within the recorded position for sure, and one dated up to the last second that may have been delivered if
     * the idempotent repository says so; later ones skip the lookup). Events are taken from the window
     * {@value BatchIdempotentRepository#MAX_KEYS} at a time, so that a {@link BatchIdempotentRepository} answers for
     * all of them at once.
     */
    private final class NewEvents implements Iterator<AuditLogEntry> {
        private final Window window;
        private final Position start;
        private final Iterator<AuditLogEntry> events;
        /**
         * Within the checkpoint second, the recorded key tells what was delivered; with the overlap read again the
         * second may hold events indexed since, so then only the idempotent repository decides.
         */
        private final String deliveredThroughKey;
        private final Deque<AuditLogEntry> taken = new ArrayDeque<>();
        /** Of the events taken, those the batch repository holds; {@code null} when it is asked one by one. */
        private Set<String> heldKeys;
        /**
         * The idempotent repository's answers (a set bit: delivered before), in the order they were asked: recorded,
         * or replayed from a pass over the same events; {@code null} to ask without recording.
         */
        private final BitSet answers;
        private final boolean replay;
        private int asked;
        private AuditLogEntry next;
        /** Events of the window dated before the checkpoint (read again for late events), delivered or not. */
        long overlapEvents;

        NewEvents(ReadWindow read, Position start, BitSet answers, boolean replay) {
            this.window = read.window();
            this.start = start;
            this.events = read.range().oldestFirst();
            this.deliveredThroughKey = window.from() == window.checkpoint() ? start.after() : null;
            this.answers = answers;
            this.replay = replay;
        }

        long count() {
            long count = 0;
            for (; hasNext(); next()) {
                count++;
            }
            return count;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (!taken.isEmpty() || take())) {
                AuditLogEntry event = taken.poll();
                if (event.getDateCreate() < start.checkpoint()) {
                    overlapEvents++;
                }
                if (!deliveredBefore(event)) {
                    next = event;
                }
            }
            return next != null;
        }

        @Override
        public AuditLogEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditLogEntry answer = next;
            next = null;
            return answer;
        }

        /** Takes the window's next events, and asks a batch repository about those that need a look-up (no replay). */
        private boolean take() {
            Set<String> keys = new LinkedHashSet<>();
            while (taken.size() < BatchIdempotentRepository.MAX_KEYS && events.hasNext()) {
                AuditLogEntry event = events.next();
                long second = event.getDateCreate();
                if (second < window.from() || second > window.to()) {
                    continue; // a range read ahead starts with the rest of a second the window before it delivered
                }
                taken.add(event);
                if (!replay && !deliveredWithinPosition(event) && second <= start.deliveredUpTo()) {
                    keys.add(idempotentKey.apply(event));
                }
            }
            // a replay has its answers already: asking the repository again is what it saves
            if (!replay && idempotentRepository instanceof BatchIdempotentRepository batch) {
                heldKeys = keys.isEmpty() ? Set.of() : batch.containedKeys(keys);
            }
            return !taken.isEmpty();
        }

        private boolean deliveredWithinPosition(AuditLogEntry event) {
            return deliveredThroughKey != null && event.getDateCreate() == start.checkpoint()
                   && event.getDedupeKey().compareTo(deliveredThroughKey) <= 0;
        }

        private boolean deliveredBefore(AuditLogEntry event) {
            if (deliveredWithinPosition(event)) {
                return true;
            }
            if (event.getDateCreate() > start.deliveredUpTo()) {
                return false;
            }
            int question = asked++;
            if (replay) {
                return answers.get(question);
            }
            String key = idempotentKey.apply(event);
            boolean delivered = heldKeys != null ? heldKeys.contains(key) : idempotentRepository.contains(key);
            if (answers != null && delivered) {
                answers.set(question);
            }
            return delivered;
        }
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
