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

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests served, in arrival order. A request takes its place on arrival but is recorded once its
 * answer is decided, so concurrent requests still appear in the order they came in.
 */
final class RequestLog {

    private final AtomicLong arrivals = new AtomicLong();
    private final ConcurrentSkipListMap<Long, RecordedRequest> bySequence = new ConcurrentSkipListMap<>();

    long arrive() {
        return arrivals.incrementAndGet();
    }

    void record(long sequence, RecordedRequest request) {
        bySequence.put(sequence, request);
    }

    List<RecordedRequest> snapshot() {
        return List.copyOf(bySequence.values());
    }

    void clear() {
        bySequence.clear();
    }
}
