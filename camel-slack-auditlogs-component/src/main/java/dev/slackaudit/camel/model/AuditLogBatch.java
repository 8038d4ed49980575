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
package dev.slackaudit.camel.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Consecutive events of one window, oldest first: the body of an exchange when the consumer's {@code batchSize} is
 * set. An unmodifiable {@code List<AuditLogEntry>}.
 * <p>
 * A type of its own rather than a plain list, so that its type converters (to JSON Lines text, bytes or a stream,
 * see {@link #toJsonLines()}) apply to batches only, never to the other lists of a CamelContext. Jackson writes it as
 * a JSON array of the events as Slack sent them, so {@code marshal().json()} of a batch is {@link #toJsonArray()}.
 */
public final class AuditLogBatch extends AbstractList<AuditLogEntry> implements RandomAccess {

    private final List<AuditLogEntry> entries;

    /** A batch of these entries, in this order (the list is copied). */
    public AuditLogBatch(List<AuditLogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public AuditLogEntry get(int index) {
        return entries.get(index);
    }

    @Override
    public int size() {
        return entries.size();
    }

    /**
     * The batch as JSON Lines: each event's JSON as Slack sent it ({@link AuditLogEntry#toJson()}), joined by
     * {@code \n}. No newline follows the last event, as none follows a single event's JSON: a route that appends
     * with {@code appendChars=\n} writes the same file in both modes.
     */
    public String toJsonLines() {
        return join('\n', "", "");
    }

    /** The batch as a JSON array of the events as Slack sent them, e.g. for an API that takes an array. */
    public String toJsonArray() {
        return join(',', "[", "]");
    }

    private String join(char separator, String prefix, String suffix) {
        int length = prefix.length() + suffix.length() + entries.size();
        for (AuditLogEntry entry : entries) {
            length += entry.toJson().length();
        }
        StringBuilder text = new StringBuilder(length).append(prefix);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(entries.get(i).toJson());
        }
        return text.append(suffix).toString();
    }
}
