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

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Which {@code /logs} requests fail, and how. Only {@code /logs} is affected: it is the endpoint a
 * collector polls all day, and keeping {@code /schemas} and {@code /actions} clean keeps tests focused.
 * <p>
 * Requests are numbered from 1 in the order they arrive at the simulator, counting every {@code /logs}
 * request since {@code start()}, so the n-th {@code /logs} entry of {@link SlackAuditLogsSimulator#requests()}
 * is the one that met fault n. For each request the plan asks, in this order:
 * <ol>
 * <li>{@link #onRequest(int, Fault)}: a fault pinned to this request number;</li>
 * <li>{@link #next(Fault...)}: the head of the queue of upcoming faults, which it consumes;</li>
 * <li>{@link #random(long, double, Fault...)}: a seeded draw that depends only on the seed and the request number,
 * so the same seed hits the same request numbers with the same faults however requests interleave.</li>
 * </ol>
 * A plan is thread-safe and may be changed while the simulator runs ({@link SlackAuditLogsSimulator#faults()}).
 */
public final class FaultPlan {

    private final ArrayDeque<Fault> queue = new ArrayDeque<>();
    private final Map<Integer, Fault> pinned = new HashMap<>();
    private RandomFaults random;

    private FaultPlan() {
    }

    /** A plan without faults. */
    public static FaultPlan none() {
        return new FaultPlan();
    }

    /** Queues faults for the next {@code /logs} requests, one fault per request, in the given order. */
    public synchronized FaultPlan next(Fault... faults) {
        Arrays.stream(faults).map(f -> Objects.requireNonNull(f, "fault")).forEach(queue::add);
        return this;
    }

    /** Pins a fault to the {@code requestNumber}-th {@code /logs} request (1-based, counted since start). */
    public synchronized FaultPlan onRequest(int requestNumber, Fault fault) {
        if (requestNumber < 1) {
            throw new IllegalArgumentException("request numbers start at 1, got " + requestNumber);
        }
        pinned.put(requestNumber, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /**
     * Fails each {@code /logs} request with {@code probability}, with one of {@code faults} picked at random;
     * replaces an earlier random rule.
     */
    public synchronized FaultPlan random(long seed, double probability, Fault... faults) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + probability);
        }
        if (faults.length == 0) {
            throw new IllegalArgumentException("random faults need at least one fault to pick from");
        }
        random = new RandomFaults(seed, probability, List.of(faults));
        return this;
    }

    /** Forgets every queued, pinned and random fault. */
    public synchronized FaultPlan clear() {
        queue.clear();
        pinned.clear();
        random = null;
        return this;
    }

    synchronized Optional<Fault> faultFor(int requestNumber) {
        Fault fault = pinned.remove(requestNumber);
        if (fault == null) {
            fault = queue.poll();
        }
        if (fault == null && random != null) {
            fault = random.faultFor(requestNumber);
        }
        return Optional.ofNullable(fault);
    }

    private static final class RandomFaults {
        private final long seed;
        private final double probability;
        private final List<Fault> faults;

        RandomFaults(long seed, double probability, List<Fault> faults) {
            this.seed = seed;
            this.probability = probability;
            this.faults = faults;
        }

        Fault faultFor(int requestNumber) {
            SplittableRandom draw = new SplittableRandom(Mix.mix64(seed ^ Mix.mix64(requestNumber)));
            return draw.nextDouble() < probability ? faults.get(draw.nextInt(faults.size())) : null;
        }
    }
}
