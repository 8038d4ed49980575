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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The entries the simulator serves, as a request arriving now sees them: the history it was built with, the entries
 * added since, and the live events whose indexing delay has passed; and when each became visible.
 * <p>
 * Request threads read the timeline without a lock; the additions and the hand-over of live events replace it under
 * this object's lock, so each request sees one consistent snapshot.
 */
final class ServedEntries {

    private final Clock serverClock;
    /** The live events not yet visible; {@code null} when live mode is off. */
    private final LiveFeed live;
    private final VisibilityLog visibility = new VisibilityLog();
    /** When the history was in place: its entries' visibility, which the visibility log does not hold. */
    private final Instant builtAt;

    /** Copy-on-write: readers take the current snapshot; writers replace it under {@code this} lock. */
    private volatile EntryTimeline timeline;

    ServedEntries(Clock serverClock, LiveFeed live, List<StoredEntry> history) {
        this.serverClock = serverClock;
        this.live = live;
        this.timeline = EntryTimeline.EMPTY.with(history);
        this.builtAt = serverClock.instant();
    }

    /**
     * The timeline as a request arriving now sees it: first hands the live events whose indexing delay has passed
     * over to the timeline. The check is a volatile read when nothing is due, so every request can afford it.
     */
    EntryTimeline current() {
        if (live != null && live.hasChangesAt(serverClock.instant())) {
            synchronized (this) {
                List<LiveFeed.Visible> due = live.due(serverClock.instant());
                if (!due.isEmpty()) {
                    timeline = timeline.with(due.stream().map(LiveFeed.Visible::entry).collect(Collectors.toList()));
                    due.forEach(event -> visibility.record(event.entry(), event.visibleAt()));
                }
            }
        }
        return timeline;
    }

    /** Adds entries visible from now on. */
    synchronized void addNow(List<StoredEntry> added) {
        current(); // live events due before now are logged as visible before these
        timeline = timeline.with(added);
        Instant now = serverClock.instant();
        added.forEach(entry -> visibility.record(entry, now));
    }

    /** Every entry's field {@code field} picks, in API order (newest first). */
    <T> List<T> each(Function<StoredEntry, T> field) {
        EntryTimeline current = current();
        List<T> values = new ArrayList<>(current.size());
        for (int i = 0; i < current.size(); i++) {
            values.add(field.apply(current.get(i)));
        }
        return Collections.unmodifiableList(values);
    }

    /** The oldest entry served; fails when nothing is served. */
    StoredEntry oldest() {
        EntryTimeline current = current();
        requireEntries(current);
        return current.get(current.size() - 1);
    }

    /** The newest entry served; fails when nothing is served. */
    StoredEntry newest() {
        EntryTimeline current = current();
        requireEntries(current);
        return current.get(0);
    }

    private static void requireEntries(EntryTimeline current) {
        if (current.size() == 0) {
            throw new IllegalStateException("the simulator serves no entries");
        }
    }

    List<VisibilityLog.Visibility> visibleSince(Instant since) {
        current();
        return visibility.since(since);
    }

    Optional<VisibilityLog.Visibility> visibilityOf(String id) {
        EntryTimeline current = current();
        VisibilityLog.Visibility added = visibility.find(id);
        if (added != null) {
            return Optional.of(added);
        }
        // The history is not in the visibility log (millions of events need no second index): look it up.
        for (int i = 0; i < current.size(); i++) {
            if (id.equals(current.get(i).id())) {
                return Optional.of(new VisibilityLog.Visibility(id, current.get(i).dateCreate(), builtAt));
            }
        }
        return Optional.empty();
    }
}
