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
package dev.slackaudit.camel.client;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Supplier;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every entry of one time range into {@link PageSpool}s: follows the cursor to the last page, once per group of
 * at most 30 actions. A rejected cursor ({@code invalid_cursor}, e.g. one that expired while a 429 made us wait)
 * restarts the group from its first page, into a fresh spool.
 */
public final class LogsPager {

    private static final Logger LOG = LoggerFactory.getLogger(LogsPager.class);
    static final String INVALID_CURSOR = "invalid_cursor";
    /** How often one range restarts after a rejected cursor before the failure is the caller's. */
    static final int MAX_CURSOR_RESTARTS = 3;

    private final SlackAuditLogsClient client;

    public LogsPager(SlackAuditLogsClient client) {
        this.client = client;
    }

    /**
     * What one range held: a spool per action group. Closing it deletes the spools' files.
     *
     * @param groups     the spools, one per action group read
     * @param complete   false if reading stopped early because more than the cap were found
     * @param oldestRead the oldest {@code date_create} read ({@link Long#MAX_VALUE} if nothing was)
     */
    public record Range(List<PageSpool> groups, boolean complete, long oldestRead) implements Closeable {

        /** Entries read, repeats included. */
        public long size() {
            return groups.stream().mapToLong(PageSpool::size).sum();
        }

        /** Every entry, oldest first ({@link PageSpool#OLDEST_FIRST}), each once: the groups merged. */
        public Iterator<AuditLogEntry> oldestFirst() {
            if (groups.size() == 1) {
                return groups.get(0).oldestFirst();
            }
            return new MergedGroups(groups);
        }

        @Override
        public void close() {
            groups.forEach(PageSpool::close);
        }
    }

    /**
     * Reads the range of {@code query} for each action group.
     *
     * @param actions    action names to filter on (split into groups of 30), empty for all
     * @param maxEntries stop as soon as more than this many entries were read (0 = no cap)
     * @param spools     makes the spool of each group
     */
    public Range read(LogsQuery query, List<String> actions, long maxEntries, Supplier<PageSpool> spools) {
        List<PageSpool> read = new ArrayList<>();
        long total = 0;
        long oldest = Long.MAX_VALUE;
        try {
            for (List<String> group : groups(actions)) {
                LogsQuery groupQuery = query.withActions(group);
                PageSpool spool = spools.get();
                read.add(spool);
                String cursor = null;
                int restarts = 0;
                while (true) {
                    LogsPage page;
                    try {
                        page = client.fetchLogsPage(groupQuery, cursor);
                    } catch (SlackAuditLogsException e) {
                        if (!INVALID_CURSOR.equals(e.getErrorCode()) || cursor == null || restarts >= MAX_CURSOR_RESTARTS) {
                            throw e;
                        }
                        restarts++;
                        LOG.info("Slack rejected the paging cursor (invalid_cursor); reading the range {}..{} again from"
                                 + " its first page", query.oldest(), query.latest());
                        total -= spool.size();
                        spool.close();
                        spool = spools.get();
                        read.set(read.size() - 1, spool);
                        cursor = null;
                        continue;
                    }
                    spool.add(page.entries());
                    total += page.entries().size();
                    oldest = Math.min(oldest, spool.oldestDate());
                    if (maxEntries > 0 && total > maxEntries) {
                        return new Range(read, false, oldest);
                    }
                    cursor = page.nextCursor();
                    if (cursor == null) {
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            read.forEach(PageSpool::close);
            throw e;
        }
        return new Range(read, true, oldest);
    }

    /** Slack takes at most 30 action names per query; more are read as several queries. */
    public static List<List<String>> groups(List<String> actions) {
        List<List<String>> groups = new ArrayList<>();
        if (actions.isEmpty()) {
            groups.add(List.of());
        }
        for (int i = 0; i < actions.size(); i += LogsQuery.MAX_ACTIONS) {
            groups.add(actions.subList(i, Math.min(actions.size(), i + LogsQuery.MAX_ACTIONS)));
        }
        return groups;
    }

    /** The action groups' streams merged into one, oldest first; an entry two groups share comes out once. */
    private static final class MergedGroups implements Iterator<AuditLogEntry> {
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> PageSpool.OLDEST_FIRST.compare(a.entry, b.entry));
        private AuditLogEntry last;

        MergedGroups(List<PageSpool> groups) {
            for (PageSpool group : groups) {
                Iterator<AuditLogEntry> entries = group.oldestFirst();
                if (entries.hasNext()) {
                    heads.add(new Head(entries.next(), entries));
                }
            }
            skipRepeats();
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public AuditLogEntry next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            last = head.entry;
            advance(head);
            skipRepeats();
            return last;
        }

        private void skipRepeats() {
            while (last != null && !heads.isEmpty() && PageSpool.OLDEST_FIRST.compare(heads.peek().entry, last) == 0) {
                advance(heads.poll());
            }
        }

        private void advance(Head head) {
            if (head.rest.hasNext()) {
                heads.add(new Head(head.rest.next(), head.rest));
            }
        }

        private record Head(AuditLogEntry entry, Iterator<AuditLogEntry> rest) {
        }
    }
}
