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

import java.util.Arrays;
import java.util.Collection;

/**
 * An immutable, sorted ({@link StoredEntry#NEWEST_FIRST}) snapshot of every entry served. Changes produce
 * a new timeline (copy-on-write), so concurrent requests read a consistent snapshot without locks.
 */
final class EntryTimeline {

    static final EntryTimeline EMPTY = new EntryTimeline(new StoredEntry[0]);

    private final StoredEntry[] entries;

    private EntryTimeline(StoredEntry[] sortedEntries) {
        this.entries = sortedEntries;
    }

    /**
     * A new timeline with {@code added} merged in at their place in the order (after equal entries already there, as
     * a stable sort would put them). Only the added entries are sorted; each then finds its place by binary search,
     * so a few live events join a 5,000,000-entry timeline with a few dozen comparisons and one array copy.
     */
    EntryTimeline with(Collection<StoredEntry> added) {
        StoredEntry[] extra = added.toArray(new StoredEntry[0]);
        Arrays.sort(extra, StoredEntry.NEWEST_FIRST);
        StoredEntry[] merged = new StoredEntry[entries.length + extra.length];
        int from = 0;
        int to = 0;
        for (StoredEntry entry : extra) {
            int place = firstAfter(entry, from);
            System.arraycopy(entries, from, merged, to, place - from);
            to += place - from;
            from = place;
            merged[to++] = entry;
        }
        System.arraycopy(entries, from, merged, to, entries.length - from);
        return new EntryTimeline(merged);
    }

    /** The index of the first entry at or after {@code from} that sorts after {@code entry}. */
    private int firstAfter(StoredEntry entry, int from) {
        int low = from;
        int high = entries.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (StoredEntry.NEWEST_FIRST.compare(entries[mid], entry) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    int size() {
        return entries.length;
    }

    StoredEntry get(int index) {
        return entries[index];
    }

    /** The index of the first (newest) entry whose {@code date_create <= second}, or {@link #size()} if none. */
    int firstAtOrBefore(long second) {
        int low = 0;
        int high = entries.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries[mid].dateCreate() > second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
