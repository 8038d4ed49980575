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

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.client.ClientStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one consumer did and how far it has come: the counters behind its JMX attributes, and the progress line it
 * logs while catching up. Thread-safe for readers (JMX, metrics); written by the polling thread only.
 */
public final class ConsumerStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);
    private static final long PROGRESS_LOG_INTERVAL_MILLIS = 5_000;

    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private volatile long backfillFrom;
    /** Whether the last poll read up to now minus lag: then the backfill is done, whatever the clock did since. */
    private volatile boolean caughtUp;
    private long lastProgressLog;
    private LongSupplier horizon;
    private boolean bounded;
    private String key;
    private ClientStatistics client;

    /** Where this backfill started (the checkpoint at start, or after a reset). */
    public void backfillFrom(long checkpoint) {
        backfillFrom = checkpoint;
        caughtUp = false;
    }

    /** Records whether the last window read reached the newest second readable then. */
    public void caughtUp(boolean reachedHorizon) {
        caughtUp = reachedHorizon;
    }

    public void delivered() {
        eventsDelivered.incrementAndGet();
    }

    public void pollFailed() {
        failedPolls.incrementAndGet();
    }

    public long eventsDelivered() {
        return eventsDelivered.get();
    }

    public long failedPolls() {
        return failedPolls.get();
    }

    /** How far {@code checkpoint} has come from where the backfill started towards {@code horizon}, in percent. */
    public int backfillPercent(long checkpoint, long horizon) {
        long total = horizon - backfillFrom;
        if (caughtUp || total <= 0) {
            return 100;
        }
        return (int) Math.min(100, Math.max(0, (checkpoint - backfillFrom) * 100 / total));
    }

    /**
     * What the progress line tells of: the newest second readable now ({@code horizon}: now minus lag, or latest),
     * whether it is latest ({@code bounded}), the checkpoint key and the client's counters.
     */
    public void reportProgressOf(LongSupplier horizon, boolean bounded, String key, ClientStatistics client) {
        this.horizon = horizon;
        this.bounded = bounded;
        this.key = key;
        this.client = client;
    }

    /** The live position was stored at {@code checkpoint}: logs how far the backfill is, at most every few seconds. */
    public void committed(long checkpoint) {
        long millis = System.currentTimeMillis();
        if (millis - lastProgressLog < PROGRESS_LOG_INTERVAL_MILLIS) {
            return;
        }
        long horizon = this.horizon.getAsLong();
        if (checkpoint <= horizon) {
            lastProgressLog = millis;
            LOG.info(String.format("backfill %d%% %s of %s..%s, %,d events, %,d pages (%s)",
                    backfillPercent(checkpoint, horizon), Instant.ofEpochSecond(checkpoint),
                    Instant.ofEpochSecond(backfillFrom), bounded ? Instant.ofEpochSecond(horizon) : "now",
                    eventsDelivered.get(), client.getPages(), key));
        }
    }
}
