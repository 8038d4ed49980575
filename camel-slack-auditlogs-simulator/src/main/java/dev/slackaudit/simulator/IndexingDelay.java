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
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a live event takes to show up in {@code /logs} after it happened. Slack indexes audit events with a lag
 * it does not document (docs/slack-api.md, Late events: collectors hold back 60 s for it), so a collector that reads up to "now"
 * and never looks back misses events. Each event's delay is drawn, from the seed, uniformly between
 * {@link #min()} and {@link #max()}; a fixed delay has both equal.
 * <p>
 * Slack publishes no bound on that lag, and some sources report far longer ones (AWS AppFabric documents up to 30
 * minutes for Slack's audit logs): {@link #withLateTail} makes a small share of events very late, minutes to hours, so
 * that a collector's second look (the component's recheck) can be shown at work.
 */
public final class IndexingDelay {

    private final Duration min;
    private final Duration max;
    /** The share of events drawn from the late tail instead, from 0 (none) to 1. */
    private final double tailShare;
    private final Duration tailMin;
    private final Duration tailMax;

    private IndexingDelay(Duration min, Duration max, double tailShare, Duration tailMin, Duration tailMax) {
        this.min = min;
        this.max = max;
        this.tailShare = tailShare;
        this.tailMin = tailMin;
        this.tailMax = tailMax;
    }

    /** Every event is visible the instant it happens. */
    public static IndexingDelay none() {
        return fixed(Duration.ZERO);
    }

    /** Every event becomes visible exactly {@code delay} after it happened. */
    public static IndexingDelay fixed(Duration delay) {
        return uniform(delay, delay);
    }

    /** Each event becomes visible after a delay drawn uniformly from {@code [min, max]}. */
    public static IndexingDelay uniform(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative()) {
            throw new IllegalArgumentException("an indexing delay cannot be negative: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the indexing delay's max " + max + " is below its min " + min);
        }
        return new IndexingDelay(min, max, 0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * This delay, except that a share of the events (drawn at random, from the seed) is indexed far later: after a
     * delay drawn uniformly from {@code [min, max]}, e.g. {@code withLateTail(0.001, 10 minutes, 3 hours)}.
     *
     * @param share the share of events in the tail, above 0 and at most 1 (0.001 is one event in a thousand)
     */
    public IndexingDelay withLateTail(double share, Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the late tail's share must be above 0 and at most 1: " + share);
        }
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the late tail's delays must be from min to max, both zero or more: "
                                               + min + " to " + max);
        }
        return new IndexingDelay(this.min, this.max, share, min, max);
    }

    /**
     * Reads {@code 0.001:10m-3h} (a share, then the tail's range) as the standalone option {@code --late-tail} takes
     * it, and adds that tail to this delay.
     */
    public IndexingDelay withLateTail(String text) {
        Objects.requireNonNull(text, "text");
        String what = "--late-tail (a share and a range of delays, such as 0.001:10m-3h: one event in a thousand"
                      + " indexed 10 minutes to 3 hours late)";
        int colon = text.indexOf(':');
        int dash = text.indexOf('-', colon + 2);
        if (colon < 0 || dash < 0) {
            throw new IllegalArgumentException(what + ": got '" + text + "'");
        }
        try {
            return withLateTail(Double.parseDouble(text.substring(0, colon)), DurationText.parse(what, text.substring(colon + 1, dash)),
                    DurationText.parse(what, text.substring(dash + 1)));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--late-tail")) {
                throw e;
            }
            throw new IllegalArgumentException(what + ": " + e.getMessage() + "; got '" + text + "'", e);
        }
    }

    /**
     * Reads {@code 5s} (fixed) or {@code 0s-20s} (uniform from min to max), as the standalone option
     * {@code --indexing-delay} takes it.
     */
    public static IndexingDelay parse(String text) {
        Objects.requireNonNull(text, "text");
        String what = "--indexing-delay (a fixed delay such as 5s, or a range such as 0s-20s)";
        int dash = text.indexOf('-', 1);
        try {
            if (dash < 0) {
                return fixed(DurationText.parse(what, text));
            }
            return uniform(DurationText.parse(what, text.substring(0, dash)), DurationText.parse(what, text.substring(dash + 1)));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("--indexing-delay")) {
                throw e;
            }
            throw new IllegalArgumentException(what + ": " + e.getMessage() + "; got '" + text + "'", e);
        }
    }

    public Duration min() {
        return min;
    }

    public Duration max() {
        return max;
    }

    /** The share of events in the late tail (0 without one). */
    public double lateTailShare() {
        return tailShare;
    }

    /** One event's delay. */
    Duration draw(SplittableRandom random) {
        // without a tail, no extra draw: the same seed gives the same delays as before tails existed
        if (tailShare > 0 && random.nextDouble() < tailShare) {
            return draw(random, tailMin, tailMax);
        }
        return draw(random, min, max);
    }

    private static Duration draw(SplittableRandom random, Duration min, Duration max) {
        long spread = max.minus(min).toNanos();
        return spread == 0 ? min : min.plusNanos(random.nextLong(spread + 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexingDelay delay && delay.min.equals(min) && delay.max.equals(max)
               && delay.tailShare == tailShare && delay.tailMin.equals(tailMin) && delay.tailMax.equals(tailMax);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max, tailShare, tailMin, tailMax);
    }

    /** {@code IndexingDelay.fixed(PT5S)} or {@code IndexingDelay.uniform(PT0S, PT20S).withLateTail(0.001, PT10M, PT3H)}. */
    @Override
    public String toString() {
        String base = min.equals(max) ? "IndexingDelay.fixed(" + min + ")" : "IndexingDelay.uniform(" + min + ", " + max + ")";
        return tailShare == 0 ? base : base + ".withLateTail(" + tailShare + ", " + tailMin + ", " + tailMax + ")";
    }
}
