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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Events happening while the simulator runs: a Poisson stream at {@code ratePerSecond}, each event stamped with
 * {@code date_create} = the second it happened on the server clock and shown in {@code /logs} only after its
 * {@link IndexingDelay}. Arrival times, delays and bytes are a pure function of the seed and the time since
 * {@link #begin(Instant)}, so two runs with the same seed see the same events at the same offsets.
 * <p>
 * The feed is computed lazily: whoever reads the timeline first calls {@link #due(Instant)}, which produces
 * the events that happened up to then and hands over those whose visibility instant has passed. A request
 * therefore sees exactly the events visible at its arrival, without a background thread, and a test driving a
 * hand-moved clock sees the stream advance with it. Only not-yet-visible events wait here (about
 * {@code rate * max delay} of them), so memory grows with the events served, never with waiting.
 */
final class LiveFeed {

    /** Live events number from here, apart from history and late additions, so their ids and bytes never depend on those. */
    private static final long FIRST_INDEX = 1L << 40;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerSecond;
    private final IndexingDelay delay;
    private final SyntheticEvents synthetic;
    private final SplittableRandom random;
    private final PriorityQueue<Visible> waiting = new PriorityQueue<>(Comparator.comparing(Visible::visibleAt));

    private Instant nextArrival;
    private long nextIndex = FIRST_INDEX;
    /** The earliest instant at which {@link #due(Instant)} has something to do; read without the lock. */
    private volatile Instant nextChange = Instant.MAX;

    LiveFeed(double ratePerSecond, IndexingDelay delay, long seed, SyntheticEvents synthetic) {
        this.ratePerSecond = ratePerSecond;
        this.delay = delay;
        this.synthetic = synthetic;
        this.random = new SplittableRandom(Mix.mix64(seed ^ 0x6c697665L));
    }

    /** Starts the stream: the first event happens a random gap after {@code start}. */
    synchronized void begin(Instant start) {
        nextArrival = start.plus(gap());
        nextChange = nextArrival;
    }

    /** Whether {@link #due(Instant)} would hand over anything at {@code now}; cheap, for every request. */
    boolean hasChangesAt(Instant now) {
        return !now.isBefore(nextChange);
    }

    /** Produces the events that happened up to {@code now} and returns those visible by then, in visibility order. */
    synchronized List<Visible> due(Instant now) {
        if (nextArrival == null) {
            return List.of();
        }
        while (!nextArrival.isAfter(now)) {
            StoredEntry entry = synthetic.render(nextIndex++, nextArrival.getEpochSecond());
            waiting.add(new Visible(entry, nextArrival.plus(delay.draw(random))));
            nextArrival = nextArrival.plus(gap());
        }
        List<Visible> visible = new ArrayList<>();
        while (!waiting.isEmpty() && !waiting.peek().visibleAt().isAfter(now)) {
            visible.add(waiting.poll());
        }
        nextChange = waiting.isEmpty() || nextArrival.isBefore(waiting.peek().visibleAt()) ? nextArrival : waiting.peek().visibleAt();
        return visible;
    }

    /** Exponential gaps between events make a Poisson stream: irregular, like real activity, at the given mean rate. */
    private Duration gap() {
        double seconds = -Math.log(1.0 - random.nextDouble()) / ratePerSecond;
        return Duration.ofNanos(Math.max(1, (long) (seconds * NANOS_PER_SECOND)));
    }

    /** An event and the instant it became visible in {@code /logs}. */
    record Visible(StoredEntry entry, Instant visibleAt) {
    }
}
