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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import dev.slackaudit.camel.BatchIdempotentRepository;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.consumer.WindowReader.ReadWindow;
import dev.slackaudit.camel.model.AuditLogEntry;

/**
 * A window's events still to deliver, oldest first, for {@link WindowDelivery}: those inside the window that were not
 * delivered before (one within the recorded position for sure, and one dated up to the last second that may have been
 * delivered if the idempotent repository says so; later ones skip the lookup). Events are taken from the window
 * {@value BatchIdempotentRepository#MAX_KEYS} at a time, so that a {@link BatchIdempotentRepository} answers for
 * all of them at once.
 */
final class NewEvents implements Iterator<AuditLogEntry> {
    private final DeliveredIds ids;
    private final Window window;
    private final Position start;
    private final Iterator<AuditLogEntry> events;
    /**
     * Within the checkpoint second, the recorded key tells what was delivered; with the overlap read again the
     * second may hold events indexed since, so then only the idempotent repository decides.
     */
    private final String deliveredThroughKey;
    private final Deque<AuditLogEntry> taken = new ArrayDeque<>();
    /** Whether an event taken was delivered before, as the idempotent repository answers (no replay). */
    private Predicate<AuditLogEntry> deliveredBefore;
    /**
     * The idempotent repository's answers (a set bit: delivered before), in the order they were asked: recorded,
     * or replayed from a pass over the same events; {@code null} to ask without recording.
     */
    final BitSet answers;
    private final boolean replay;
    private int asked;
    private AuditLogEntry next;
    /** Events of the window dated before the checkpoint (read again for late events), delivered or not. */
    long overlapEvents;

    NewEvents(ReadWindow read, Position start, DeliveredIds ids, BitSet answers, boolean replay) {
        this.ids = ids;
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

    /** Takes the window's next events, and asks about those that need a look-up (no replay). */
    private boolean take() {
        List<AuditLogEntry> toLookUp = new ArrayList<>();
        while (taken.size() < BatchIdempotentRepository.MAX_KEYS && events.hasNext()) {
            AuditLogEntry event = events.next();
            long second = event.getDateCreate();
            if (second < window.from() || second > window.to()) {
                continue; // a range read ahead starts with the rest of a second the window before it delivered
            }
            taken.add(event);
            if (!replay && !deliveredWithinPosition(event) && second <= start.deliveredUpTo()) {
                toLookUp.add(event);
            }
        }
        // a replay has its answers already: asking the repository again is what it saves
        if (!replay) {
            deliveredBefore = ids.lookUp(toLookUp);
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
        boolean delivered = deliveredBefore.test(event);
        if (answers != null && delivered) {
            answers.set(question);
        }
        return delivered;
    }
}
