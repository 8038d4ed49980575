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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One {@code /logs} page: the entries it holds and where the next page starts.
 * <p>
 * Slack may return "more than the passed {@code limit}" when logs share a second: once {@code limit}
 * entries are taken, the page keeps taking entries of the last taken entry's second. Every page therefore
 * ends on a second boundary, which is why the cursor only needs the second where the next page starts.
 */
final class LogsPage {

    private static final byte[] HEAD = "{\"entries\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CURSOR_HEAD = "],\"response_metadata\":{\"next_cursor\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\"}}".getBytes(StandardCharsets.UTF_8);

    private final List<StoredEntry> entries;
    private final OptionalLong nextSecond;

    private LogsPage(List<StoredEntry> entries, OptionalLong nextSecond) {
        this.entries = entries;
        this.nextSecond = nextSecond;
    }

    static LogsPage of(EntryTimeline timeline, LogsQuery query) {
        List<StoredEntry> taken = new ArrayList<>(Math.min(query.limit(), 1024));
        for (int i = timeline.firstAtOrBefore(query.latest()); i < timeline.size(); i++) {
            StoredEntry entry = timeline.get(i);
            if (entry.dateCreate() < query.oldest()) {
                break;
            }
            if (!query.matches(entry)) {
                continue;
            }
            if (taken.size() >= query.limit() && entry.dateCreate() != taken.get(taken.size() - 1).dateCreate()) {
                return new LogsPage(taken, OptionalLong.of(entry.dateCreate()));
            }
            taken.add(entry);
        }
        return new LogsPage(taken, OptionalLong.empty());
    }

    /** The second where the next page starts, or empty on the last page. */
    OptionalLong nextSecond() {
        return nextSecond;
    }

    /** The response body; successful Slack responses have no {@code ok} field. */
    byte[] render(String nextCursor) {
        byte[] cursor = nextCursor.getBytes(StandardCharsets.US_ASCII);
        // each entry's bytes are fetched once: an on-demand entry renders them on every call
        byte[][] parts = new byte[entries.size()][];
        int size = HEAD.length + Math.max(0, entries.size() - 1) + CURSOR_HEAD.length + cursor.length + TAIL.length;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = entries.get(i).json();
            size += parts[i].length;
        }
        // One exact-size array and plain copies: a 9999-entry page is about 10 MB.
        byte[] body = new byte[size];
        int at = put(HEAD, body, 0);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            at = put(parts[i], body, at);
        }
        at = put(CURSOR_HEAD, body, at);
        at = put(cursor, body, at);
        put(TAIL, body, at);
        return body;
    }

    private static int put(byte[] part, byte[] body, int at) {
        System.arraycopy(part, 0, body, at, part.length);
        return at + part.length;
    }
}
