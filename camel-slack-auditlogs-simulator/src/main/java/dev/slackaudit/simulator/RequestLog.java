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
