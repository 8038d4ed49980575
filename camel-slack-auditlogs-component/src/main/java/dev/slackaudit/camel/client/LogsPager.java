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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every entry of one time range: follows the cursor to the last page, once per group of at most 30 actions,
 * merging the groups by event id. A rejected cursor ({@code invalid_cursor}, e.g. one that expired while a 429
 * made us wait) restarts the range from its first page; ids already read absorb the repeats.
 */
public final class LogsPager {

    private static final Logger LOG = LoggerFactory.getLogger(LogsPager.class);
    static final String INVALID_CURSOR = "invalid_cursor";

    private final SlackAuditLogsClient client;
    private final int maxCursorRestarts;

    public LogsPager(SlackAuditLogsClient client, int maxCursorRestarts) {
        this.client = client;
        this.maxCursorRestarts = maxCursorRestarts;
    }

    /**
     * What one range held.
     *
     * @param entries  the entries kept, each once, in the order read
     * @param complete false if reading stopped early because more than the cap were found
     * @param pages    pages read
     */
    public record Range(Collection<AuditLogEntry> entries, boolean complete, int pages) {
    }

    /**
     * Reads the range of {@code query} for each action group.
     *
     * @param actions    action names to filter on (split into groups of 30), empty for all
     * @param maxEntries stop as soon as more than this many distinct entries were kept (0 = no cap)
     * @param skip       entries not to keep (e.g. those already delivered); they do not count towards the cap
     */
    public Range read(LogsQuery query, List<String> actions, int maxEntries, Predicate<AuditLogEntry> skip) {
        Map<String, AuditLogEntry> byKey = new LinkedHashMap<>();
        int pages = 0;
        for (List<String> group : groups(actions)) {
            LogsQuery groupQuery = query.withActions(group);
            String cursor = null;
            int restarts = 0;
            while (true) {
                LogsPage page;
                try {
                    page = client.fetchLogsPage(groupQuery, cursor);
                } catch (SlackAuditLogsException e) {
                    if (!INVALID_CURSOR.equals(e.getErrorCode()) || cursor == null || restarts >= maxCursorRestarts) {
                        throw e;
                    }
                    restarts++;
                    LOG.info("Slack rejected the paging cursor (invalid_cursor); reading the range {}..{} again from"
                             + " its first page", query.oldest(), query.latest());
                    cursor = null;
                    continue;
                }
                pages++;
                for (AuditLogEntry entry : page.entries()) {
                    if (!skip.test(entry)) {
                        byKey.putIfAbsent(entry.getDedupeKey(), entry);
                    }
                }
                if (maxEntries > 0 && byKey.size() > maxEntries) {
                    return new Range(byKey.values(), false, pages);
                }
                cursor = page.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
        }
        return new Range(byKey.values(), true, pages);
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
}
