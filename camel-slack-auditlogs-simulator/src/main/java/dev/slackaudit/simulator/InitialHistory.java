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
import java.util.ArrayList;
import java.util.List;

/**
 * The events the simulator is built with, as the {@link SlackAuditLogsSimulator.Builder} settings describe them: the
 * main span (or a {@link HistoryShape}), the extra batches (bursts, tied seconds) and the verbatim entries. The builder
 * checks each setting as it is made; this class only turns them into entries.
 */
final class InitialHistory {

    /** How far before "now" the default history (and a {@link HistoryShape} without an end) stops. */
    private static final Duration END_BEFORE_NOW = Duration.ofMinutes(2);

    int events = 1000;
    /** The main span; {@code null} for the default, the 24 h ending {@link #END_BEFORE_NOW} before now. */
    Instant from;
    Instant to;
    /** Replaces {@link #events} and the span when set. */
    HistoryShape shape;
    /** Where {@link #shape} ends; {@code null} for {@link #END_BEFORE_NOW} before now. */
    Instant shapeEnd;
    final List<Batch> batches = new ArrayList<>();
    final List<String> entries = new ArrayList<>();

    /** The entries, synthetic ones from {@code synthetic}, with "now" being {@code now} on the server clock. */
    List<StoredEntry> generate(SyntheticEvents synthetic, Instant now) {
        Instant defaultEnd = now.minus(END_BEFORE_NOW);
        Instant spanTo = to != null ? to : defaultEnd;
        Instant spanFrom = from != null ? from : spanTo.minus(Duration.ofHours(24));
        int count = events;
        List<Batch> extra = new ArrayList<>(batches);
        if (shape != null) {
            spanTo = shapeEnd != null ? shapeEnd : defaultEnd;
            spanFrom = spanTo.minus(shape.span());
            count = shape.events();
            if (shape.burstEvents() > 0) {
                extra.add(Batch.within(shape.burstEvents(), shape.burstStart(spanFrom), HistoryShape.BURST_LENGTH));
            }
        }
        List<StoredEntry> history = new ArrayList<>(synthetic.generate(count, spanFrom, spanTo));
        for (Batch batch : extra) {
            history.addAll(synthetic.generate(batch.count(), batch.from(), batch.to()));
        }
        entries.stream().map(StoredEntry::verbatim).forEach(history::add);
        return history;
    }

    /** Extra synthetic events of the history, in {@code [from, to]} (whole seconds). */
    record Batch(int count, Instant from, Instant to) {

        Batch {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
        }

        static Batch within(int count, Instant from, Duration within) {
            return new Batch(count, from, from.plus(within).minusNanos(1));
        }
    }
}
