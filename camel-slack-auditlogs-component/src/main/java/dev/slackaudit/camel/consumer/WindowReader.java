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

import java.nio.file.Path;
import java.util.List;

import dev.slackaudit.camel.client.LogsPager;
import dev.slackaudit.camel.client.LogsQuery;
import dev.slackaudit.camel.client.PageSpool;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a window: every page of every action group, into spools that keep the heap small whatever the window holds.
 * <p>
 * A window that holds more than maxEventsPerWindow stops reading there, and the planner narrows the next ones. The
 * pages read by then are the newest part of the window, complete from the second after the oldest one read; up to
 * the newest second that can no longer receive late events (lag plus overlap before the read) they are kept as the
 * range read ahead, delivered once the checkpoint reaches it, so a backfill's first, too large, window costs no
 * request twice. One such range at a time, which bounds the disk used to about two windows.
 */
public final class WindowReader {

    private static final Logger LOG = LoggerFactory.getLogger(WindowReader.class);

    private final LogsPager pager;
    private final LogsQuery query;
    private final List<String> actions;
    private final WindowPlanner planner;
    private final Path spoolDirectory;
    private final int memoryBudget;
    private ReadWindow ahead;

    public WindowReader(LogsPager pager, LogsQuery query, List<String> actions, WindowPlanner planner, Path spoolDirectory,
                 int memoryBudget) {
        this.pager = pager;
        this.query = query;
        this.actions = actions;
        this.planner = planner;
        this.spoolDirectory = spoolDirectory;
        this.memoryBudget = memoryBudget;
    }

    /**
     * A reader of the same query, through the same (stateless) pager into the same spool directory, that plans with
     * {@code planner} and keeps a range read ahead of its own: the recheck's.
     */
    WindowReader withPlanner(WindowPlanner planner) {
        return new WindowReader(pager, query, actions, planner, spoolDirectory, memoryBudget);
    }

    /**
     * What a window held.
     *
     * @param window the window
     * @param range  its events (close it to delete their spool)
     * @param readAt when reading began, on Slack's clock: events later indexed into the window were not seen
     */
    public record ReadWindow(Window window, LogsPager.Range range, long readAt) implements AutoCloseable {
        @Override
        public void close() {
            range.close();
        }
    }

    /**
     * Reads {@code window}, or hands over the range read ahead when the window is that range.
     *
     * @param  readAt Slack's time now
     * @return        the window's events, or {@code null} if it held too many: the planner was told, plan again
     */
    public ReadWindow read(Window window, long readAt) {
        if (ahead != null && ahead.window().equals(window)) {
            ReadWindow answer = ahead;
            ahead = null;
            return answer;
        }
        int groups = LogsPager.groups(actions).size();
        LogsPager.Range range = pager.read(query.withRange(window.from(), window.to()), actions,
                planner.uncapped(window) ? 0 : planner.maxEvents(),
                () -> new PageSpool(spoolDirectory, Math.max(1, memoryBudget / groups)));
        if (range.complete()) {
            return new ReadWindow(window, range, readAt);
        }
        planner.overflowed(window, range.size(), range.oldestRead());
        // the oldest second read may go on in the next page; the newest seconds may still receive late events
        long keptFrom = range.oldestRead() + 1;
        long keptTo = Math.min(window.to(), planner.newestSettled(readAt));
        if (ahead == null && range.groups().size() == 1 && keptFrom > window.checkpoint() && keptTo >= keptFrom) {
            ahead = new ReadWindow(new Window(keptFrom, keptFrom, keptTo), range, readAt);
            LOG.debug("Window {}..{} holds more than {} events; keeping the {} read from {} on, reading before it first",
                      window.from(), window.to(), planner.maxEvents(), range.size(), keptFrom);
        } else {
            range.close();
            LOG.debug("Window {}..{} holds more than {} events; reading a narrower one", window.from(), window.to(),
                      planner.maxEvents());
        }
        return null;
    }

    /** The first second of the range read ahead, or {@code null} if there is none. */
    public Long aheadFrom() {
        return ahead == null ? null : ahead.window().from();
    }

    /** The last second of the range read ahead (meaningless if there is none). */
    public long aheadTo() {
        return ahead == null ? 0 : ahead.window().to();
    }

    /** Forgets the range read ahead (the checkpoint was moved elsewhere). */
    public void discardAhead() {
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
    }
}
