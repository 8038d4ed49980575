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
package dev.slackaudit.camel.kafka;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids {@link ExactlyOnceKafka} knows are in its topic, each with its {@code date_create}: those committed,
 * as far back as the look-back reaches, and those sent in the open transaction. This is what lets it answer as the
 * consumer's idempotent repository without reading the topic on every look-up.
 * <p>
 * Not thread-safe: {@link ExactlyOnceKafka} calls it under its own lock, except {@link #remembersFrom()}.
 */
final class SentIds {

    /** Ids committed, oldest first, as far back as the look-back before the checkpoint. */
    private final LinkedHashMap<String, Long> committed = new LinkedHashMap<>();
    /** Ids sent in the open transaction: committed with it, or forgotten when it aborts. */
    private final LinkedHashMap<String, Long> pending = new LinkedHashMap<>();
    /**
     * The first date_create whose ids {@link #committed} holds all of: the consumer's recheck of late events reads no
     * further back (it would take a forgotten id for a late event). {@link Long#MAX_VALUE} before anything was read.
     */
    private volatile long remembersFrom = Long.MAX_VALUE;
    /** The date_create of the last event sent: the best guess for an id the route did not send (filtered out). */
    private long lastDateCreate;

    /** An event the route sent into the open transaction. */
    void sent(String id, long dateCreate) {
        pending.put(id, dateCreate);
        lastDateCreate = dateCreate;
    }

    /** {@code true} if {@code id} is new: neither committed nor sent in the open transaction; it is then pending. */
    boolean add(String id) {
        // the processor registered the events it sent; one the route did not send (filtered out) counts as well
        return !committed.containsKey(id) && pending.putIfAbsent(id, lastDateCreate) == null;
    }

    boolean contains(String id) {
        return committed.containsKey(id) || pending.containsKey(id);
    }

    boolean remove(String id) {
        return pending.remove(id) != null | committed.remove(id) != null;
    }

    void clear() {
        committed.clear();
        pending.clear();
    }

    /** The open transaction committed: the ids sent in it are committed. */
    void commitPending() {
        committed.putAll(pending);
        pending.clear();
    }

    /** Forgets committed ids dated before {@code second}: the consumer never reads that far back again. */
    void forgetBefore(long second) {
        remembersFrom = remembersFrom == Long.MAX_VALUE ? second : Math.max(remembersFrom, second);
        Iterator<Map.Entry<String, Long>> oldest = committed.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue() < second) {
            oldest.remove();
        }
    }

    /** The open transaction aborted: nothing it sent reached readers. */
    void discardPending() {
        pending.clear();
    }

    /**
     * Starts reading the committed ids back: forgets every id, and takes {@code from} (a date_create, or
     * {@link Long#MAX_VALUE} when nothing was ever committed) as the first second whose ids will all be known.
     */
    void rememberFrom(long from) {
        clear();
        remembersFrom = from;
    }

    /** An id read back from the topic. */
    void committed(String id, long dateCreate) {
        committed.put(id, dateCreate);
    }

    int committedCount() {
        return committed.size();
    }

    long remembersFrom() {
        return remembersFrom;
    }
}
