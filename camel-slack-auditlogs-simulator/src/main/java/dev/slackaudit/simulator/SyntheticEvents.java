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
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The synthetic org's event stream, deterministic from the seed: the same seed and the same sequence of
 * {@link #generate} calls give the same ids and the same bytes. Each call continues the event numbering,
 * so ids stay unique across calls.
 */
final class SyntheticEvents {

    private final long seed;
    private final EventRenderer renderer;
    private final boolean compact;
    private long nextIndex;
    private long batches;

    /** @param compact whether {@link #generate} keeps {@link OnDemandEntry}s (rendered when served) instead of JSON bytes */
    SyntheticEvents(long seed, ActionCatalog catalog, boolean compact) {
        this.seed = seed;
        this.renderer = new EventRenderer(seed, new SyntheticOrg(seed), new ActionMix(catalog));
        this.compact = compact;
    }

    /** {@code count} new events with {@code date_create} in {@code [from, to]} (whole seconds inside the range). */
    synchronized List<StoredEntry> generate(int count, Instant from, Instant to) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        long fromSecond = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        long toSecond = to.getEpochSecond();
        if (count > 0 && fromSecond > toSecond) {
            throw new IllegalArgumentException("no whole second lies in [" + from + ", " + to + "]");
        }
        SplittableRandom schedule = new SplittableRandom(Mix.mix64(seed + ++batches));
        long[] seconds = BurstSchedule.seconds(count, fromSecond, toSecond, schedule);
        long firstIndex = nextIndex;
        nextIndex += count;
        // Events are independent of each other, so a big org renders on all cores.
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> compact ? renderer.onDemand(firstIndex + i, seconds[i]) : renderer.render(firstIndex + i, seconds[i]))
                .collect(Collectors.toList());
    }

    /** The event at {@code index} happening at {@code second}: a pure function of the seed and both. */
    StoredEntry render(long index, long second) {
        return renderer.render(index, second);
    }
}
