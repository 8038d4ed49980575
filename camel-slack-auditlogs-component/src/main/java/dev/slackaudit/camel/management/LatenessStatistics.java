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
package dev.slackaudit.camel.management;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * How late Slack indexed the events a consumer found late: those a recheck found, and those the overlap found (dated
 * before what the previous read covered). An event's lateness is when this consumer first could see it (the time of
 * the read that found it, on Slack's clock) minus its {@code date_create}: an upper bound, since Slack may have indexed
 * it at any moment after the read before (docs/late-events.md).
 * <p>
 * Keeps the count, the maximum, and the last {@value #RECENT} figures for the 99th percentile: late events are rare, so
 * a small buffer sorted when read costs less than a histogram and gives the exact figure. Listeners (the Micrometer
 * distribution) hear of every figure. Written by the polling thread, read by JMX and the dev console.
 */
public final class LatenessStatistics {

    static final int RECENT = 10_000;

    private final long[] recent = new long[RECENT];
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private long count;
    private long max;

    /** Records one late event's lateness, in seconds. */
    public void record(long seconds) {
        synchronized (this) {
            recent[(int) (count % RECENT)] = seconds;
            count++;
            max = Math.max(max, seconds);
        }
        listeners.forEach(listener -> listener.accept(seconds));
    }

    public synchronized long count() {
        return count;
    }

    /** The largest lateness seen, in seconds; 0 before the first late event. */
    public synchronized long maxSeconds() {
        return max;
    }

    /** The 99th percentile of the last {@value #RECENT} figures, in seconds; 0 before the first late event. */
    public long p99Seconds() {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(recent, (int) Math.min(count, RECENT));
        }
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
    }

    /** Tells {@code listener} of every figure recorded from now on. */
    void addListener(LongConsumer listener) {
        listeners.add(listener);
    }

    void removeListener(LongConsumer listener) {
        listeners.remove(listener);
    }
}
