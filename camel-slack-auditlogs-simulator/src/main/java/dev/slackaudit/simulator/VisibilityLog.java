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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each event added after {@code build()} became visible in {@code /logs}: live events at their arrival plus
 * indexing delay, late and verbatim additions when they were added. A benchmark computes delivery latency as the
 * time its route received an event minus this instant. One small record per event, like the timeline itself.
 */
final class VisibilityLog {

    /** One event's visibility. */
    record Visibility(String id, long dateCreate, Instant visibleAt) {
    }

    private final List<Visibility> inOrder = new ArrayList<>();
    private final Map<String, Visibility> byId = new ConcurrentHashMap<>();

    /** Callers record in visibility order (the server clock's order), which {@link #since(Instant)} relies on. */
    synchronized void record(StoredEntry entry, Instant visibleAt) {
        Visibility visibility = new Visibility(entry.id(), entry.dateCreate(), visibleAt);
        inOrder.add(visibility);
        if (entry.id() != null) {
            byId.put(entry.id(), visibility);
        }
    }

    Visibility find(String id) {
        return byId.get(id);
    }

    /** Everything visible at or after {@code since}, in the order it became visible. */
    synchronized List<Visibility> since(Instant since) {
        int low = 0;
        int high = inOrder.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (inOrder.get(mid).visibleAt().isBefore(since)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return List.copyOf(inOrder.subList(low, inOrder.size()));
    }
}
