package dev.slackaudit.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a live event takes to show up in {@code /logs} after it happened. Slack indexes audit events with a lag
 * it does not document (docs/slack-api.md, Late events: collectors hold back 60 s for it), so a collector that reads up to "now"
 * and never looks back misses events. Each event's delay is drawn, from the seed, uniformly between
 * {@link #min()} and {@link #max()}; a fixed delay has both equal.
 */
public final class IndexingDelay {

    private final Duration min;
    private final Duration max;

    private IndexingDelay(Duration min, Duration max) {
        this.min = min;
        this.max = max;
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
        return new IndexingDelay(min, max);
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

    /** One event's delay. */
    Duration draw(SplittableRandom random) {
        long spread = max.minus(min).toNanos();
        return spread == 0 ? min : min.plusNanos(random.nextLong(spread + 1));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexingDelay && ((IndexingDelay) other).min.equals(min) && ((IndexingDelay) other).max.equals(max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max);
    }

    /** {@code IndexingDelay.fixed(PT5S)} or {@code IndexingDelay.uniform(PT0S, PT20S)}. */
    @Override
    public String toString() {
        return min.equals(max) ? "IndexingDelay.fixed(" + min + ")" : "IndexingDelay.uniform(" + min + ", " + max + ")";
    }
}
