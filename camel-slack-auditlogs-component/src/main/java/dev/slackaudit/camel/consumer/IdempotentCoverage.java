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
package dev.slackaudit.camel.consumer;

import java.util.ArrayDeque;

/**
 * From which second on an idempotent repository that forgets can vouch for what was delivered: every event delivered
 * with a {@code date_create} at or after {@link #vouchedFrom()} has its id in the repository. A recheck reads only that
 * far back, so that it never takes an event delivered long ago, whose id the repository forgot (or never held: an
 * in-memory repository starts empty), for a late one and delivers it twice.
 * <p>
 * The point starts where the repository began to be filled ({@link #resumedAt}) and moves forward as ids are
 * forgotten. The default in-memory repository forgets the oldest id added once it holds {@code capacity}; the ids
 * added are counted in chunks of a hundredth of the capacity, each with the newest {@code date_create} it held, and
 * once a chunk is older than the last {@code capacity} ids, every second up to its newest is no longer vouched for
 * (a little early, never late). A repository that does not forget (a persistent one) vouches for everything
 * ({@link #unbounded()}).
 */
final class IdempotentCoverage {

    private final long capacity;
    private final long chunkSize;
    /** Chunks of ids added, oldest first: {count, newest date_create}. */
    private final ArrayDeque<long[]> chunks = new ArrayDeque<>();
    private long held;
    private long vouchedFrom = Long.MIN_VALUE;
    /** The checkpoint the last consumer left the repository at: where the next one continues without a gap. */
    private Long continuesAt;
    /** Whether ids were forgotten: the repository is smaller than what was delivered since it started. */
    private boolean forgot;

    private IdempotentCoverage(long capacity) {
        this.capacity = capacity;
        this.chunkSize = Math.max(1, capacity / 100);
    }

    /** For a repository that keeps every id (persistent): it vouches for everything. */
    public static IdempotentCoverage unbounded() {
        return new IdempotentCoverage(Long.MAX_VALUE);
    }

    /** For an in-memory repository that keeps the last {@code capacity} ids added, empty when it was created. */
    public static IdempotentCoverage remembering(long capacity) {
        IdempotentCoverage coverage = new IdempotentCoverage(capacity);
        coverage.vouchedFrom = Long.MAX_VALUE; // until a consumer says where it starts
        return coverage;
    }

    public boolean bounded() {
        return capacity != Long.MAX_VALUE;
    }

    public long capacity() {
        return capacity;
    }

    /**
     * A consumer starts delivering at {@code firstUndelivered}: events from there on it delivers go into the
     * repository. If it continues where the last consumer of this repository stopped (a route restart), the coverage
     * goes on; otherwise (the first start, or someone else moved the position: a failover, another node) only what
     * comes from there on is vouched for.
     */
    public synchronized void resumedAt(long checkpoint, long firstUndelivered) {
        if (bounded() && (continuesAt == null || continuesAt != checkpoint)) {
            vouchedFrom = vouchedFrom == Long.MAX_VALUE ? firstUndelivered : Math.max(vouchedFrom, firstUndelivered);
        }
    }

    /** The consumer stopped with its checkpoint at {@code checkpoint}. */
    public synchronized void stoppedAt(long checkpoint) {
        continuesAt = checkpoint;
    }

    /** Events from {@code second} on were delivered by someone else, or skipped: they are not vouched for. */
    public synchronized void notBefore(long second) {
        if (bounded()) {
            vouchedFrom = Math.max(vouchedFrom, second);
        }
    }

    /** An id of an event of second {@code dateCreate} was added. */
    public synchronized void added(long dateCreate) {
        if (!bounded()) {
            return;
        }
        long[] last = chunks.peekLast();
        if (last == null || last[0] >= chunkSize) {
            last = new long[] { 0, Long.MIN_VALUE };
            chunks.addLast(last);
        }
        last[0]++;
        last[1] = Math.max(last[1], dateCreate);
        held++;
        while (held > capacity) { // the oldest chunk's first ids are beyond the last capacity added
            long[] forgotten = chunks.pollFirst();
            held -= forgotten[0];
            vouchedFrom = Math.max(vouchedFrom, forgotten[1] + 1);
            forgot = true;
        }
    }

    /** The first second whose delivered events are all in the repository. */
    public synchronized long vouchedFrom() {
        return vouchedFrom;
    }

    /** Whether the repository has forgotten ids since it started (it holds less than was delivered). */
    public synchronized boolean forgot() {
        return forgot;
    }
}
