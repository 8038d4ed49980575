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

    /** A new timeline with {@code added} merged in at their place in the order. */
    EntryTimeline with(Collection<StoredEntry> added) {
        StoredEntry[] merged = Arrays.copyOf(entries, entries.length + added.size());
        int i = entries.length;
        for (StoredEntry entry : added) {
            merged[i++] = entry;
        }
        // TimSort merges the already sorted prefix with the new run in about linear time.
        Arrays.sort(merged, StoredEntry.NEWEST_FIRST);
        return new EntryTimeline(merged);
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
