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
package dev.slackaudit.camel;

import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.function.Function;
import java.util.function.LongConsumer;

import dev.slackaudit.camel.CheckpointStore.Position;
import dev.slackaudit.camel.WindowPlanner.Window;
import dev.slackaudit.camel.WindowReader.ReadWindow;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * Delivers a window's events through the route, oldest first, one exchange each, and records the position as it goes.
 * <p>
 * The window was read completely before its first event is sent, so once every event up to a point was delivered the
 * checkpoint may move to that point: it is written every {@value #COMMIT_EVERY} events, at the end of the window, when
 * the route stops (between two events) and when an event fails. Within a second the position names the last key
 * delivered, so a graceful restart, even in the middle of a backfill, delivers nothing twice with no idempotent
 * repository at all. An event that still fails after the route's error handling stops the window, and the next poll
 * reads from that event on.
 */
final class WindowDelivery {

    /** How many events go between two writes of the position: a crash re-reads at most this many. */
    static final int COMMIT_EVERY = 10_000;

    private final DefaultConsumer consumer;
    private final IdempotentRepository idempotentRepository;
    private final Function<AuditLogEntry, String> idempotentKey;
    private final CheckpointStore store;
    private final ConsumerStatistics statistics;
    private final LongConsumer overlapRead;
    private final Runnable committed;
    private volatile Position position;

    /**
     * @param overlapRead told how many events before the checkpoint each window read again
     * @param committed   told after each write of the position
     */
    WindowDelivery(DefaultConsumer consumer, IdempotentRepository idempotentRepository,
                   Function<AuditLogEntry, String> idempotentKey, CheckpointStore store, ConsumerStatistics statistics,
                   LongConsumer overlapRead, Runnable committed, Position position) {
        this.consumer = consumer;
        this.idempotentRepository = idempotentRepository;
        this.idempotentKey = idempotentKey;
        this.store = store;
        this.statistics = statistics;
        this.overlapRead = overlapRead;
        this.committed = committed;
        this.position = position;
    }

    Position position() {
        return position;
    }

    /** Moves the position elsewhere (an operator's reset, or another consumer's progress) and stores it. */
    void moveTo(Position moved, boolean store) {
        position = moved;
        if (store) {
            this.store.write(moved);
        }
    }

    /**
     * Sends the window's events through the route, oldest first, skipping those delivered before.
     *
     * @return false if the route is stopping and the window was left unfinished (its position is stored)
     */
    boolean deliver(ReadWindow read) throws Exception {
        Window window = read.window();
        Position start = position;
        // within the checkpoint second, the recorded key tells what was delivered; with the overlap read again the
        // second may hold events indexed since, so then only the idempotent repository decides
        String deliveredThroughKey = window.from() == window.checkpoint() ? start.after() : null;
        long overlapEvents = 0;
        int sinceCommit = 0;
        boolean marked = false;
        Iterator<AuditLogEntry> events = read.range().oldestFirst();
        while (events.hasNext()) {
            AuditLogEntry event = events.next();
            long second = event.getDateCreate();
            if (second < window.from() || second > window.to()) {
                continue; // a range read ahead starts with the rest of a second the window before it delivered
            }
            if (second < start.checkpoint()) {
                overlapEvents++;
            }
            String key = idempotentKey.apply(event);
            if (deliveredBefore(event, start, deliveredThroughKey, key)) {
                continue;
            }
            if (!consumer.isRunAllowed()) {
                store.write(position);
                return false;
            }
            if (!marked && window.to() > position.deliveredUpTo()) {
                // before the first new event goes out: after a crash, this window's events are looked up again
                position = position.withDeliveredUpTo(window.to());
                store.write(position);
            }
            marked = true;
            send(event, window);
            idempotentRepository.add(key);
            statistics.delivered();
            if (second >= start.checkpoint()) {
                position = position.through(second, event.getDedupeKey(), read.readAt());
            }
            if (++sinceCommit >= COMMIT_EVERY) {
                store.write(position);
                committed.run();
                sinceCommit = 0;
            }
        }
        overlapRead.accept(overlapEvents);
        position = position.past(window.to(), read.readAt());
        store.write(position);
        committed.run();
        return true;
    }

    /**
     * Whether an event was delivered before: one within the recorded position for sure, and one dated up to the last
     * second that may have been delivered if the idempotent repository says so (later ones skip the lookup).
     */
    private boolean deliveredBefore(AuditLogEntry event, Position start, String deliveredThroughKey, String key) {
        if (deliveredThroughKey != null && event.getDateCreate() == start.checkpoint()
            && event.getDedupeKey().compareTo(deliveredThroughKey) <= 0) {
            return true;
        }
        return event.getDateCreate() <= start.deliveredUpTo() && idempotentRepository.contains(key);
    }

    private void send(AuditLogEntry event, Window window) {
        Exchange exchange = consumer.createExchange(false);
        try {
            populate(exchange.getIn(), event);
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.isFailed() || exchange.isRollbackOnly()) {
                store.write(position);
                throw new RuntimeCamelException("Event " + event.getDedupeKey() + " (" + event.getAction() + " at "
                                                + event.getDateCreateInstant() + ") failed after the route's error"
                                                + " handling; the checkpoint stays at "
                                                + Instant.ofEpochSecond(position.checkpoint()) + " and the next poll"
                                                + " delivers the window up to " + Instant.ofEpochSecond(window.to())
                                                + " from there", exchange.getException());
            }
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    static void populate(Message message, AuditLogEntry event) {
        message.setBody(event);
        setIfPresent(message, SlackAuditLogsConstants.ID, event.getId());
        setIfPresent(message, SlackAuditLogsConstants.ACTION, event.getAction());
        message.setHeader(SlackAuditLogsConstants.DATE_CREATE, event.getDateCreate());
        message.setHeader(SlackAuditLogsConstants.TIMESTAMP, Date.from(event.getDateCreateInstant()));
        setIfPresent(message, SlackAuditLogsConstants.ACTOR_ID, event.getActorId());
        setIfPresent(message, SlackAuditLogsConstants.ENTITY_TYPE, event.getEntityType());
        setIfPresent(message, SlackAuditLogsConstants.ENTITY_ID, event.getEntityId());
        setIfPresent(message, SlackAuditLogsConstants.LOCATION_ID, event.getLocationId());
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
