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
package dev.slackaudit.examples;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What the routes did during one run, for the summary the demo prints and for deciding when the queue is drained.
 * The routes call it with {@code bean(...)}; every method is thread-safe because the JMS consumer runs on its own
 * thread.
 */
public final class AuditStatistics {

    private final LongAdder linesWritten = new LongAdder();
    private final Set<String> dayFiles = ConcurrentHashMap.newKeySet();
    private final LongAdder queued = new LongAdder();
    private final LongAdder taken = new LongAdder();
    private final Map<String, LongAdder> takenByAction = new ConcurrentHashMap<>();
    private final LongAdder alerts = new LongAdder();

    public void lineWritten(String dayFile) {
        dayFiles.add(dayFile);
        linesWritten.increment();
    }

    public void putOnQueue() {
        queued.increment();
    }

    public void takenOffQueue(String action) {
        takenByAction.computeIfAbsent(action, a -> new LongAdder()).increment();
        taken.increment();
    }

    public void alertRaised() {
        alerts.increment();
    }

    public long linesWritten() {
        return linesWritten.sum();
    }

    public Set<String> dayFiles() {
        return Set.copyOf(dayFiles);
    }

    public long messagesPut() {
        return queued.sum();
    }

    public long messagesTaken() {
        return taken.sum();
    }

    /** Every message put on the queue has been taken off it again. */
    public boolean queueDrained() {
        return taken.sum() == queued.sum();
    }

    public Map<String, Long> takenByAction() {
        return takenByAction.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().sum()));
    }

    public long alerts() {
        return alerts.sum();
    }
}
