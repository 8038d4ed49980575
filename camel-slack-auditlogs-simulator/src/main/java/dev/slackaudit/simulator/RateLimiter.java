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

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.OptionalLong;

/**
 * Slack's Tier 3 budget for the Audit Logs API: at most {@code perMinute} requests in any rolling 60 s,
 * organisation-wide, so every endpoint draws from the one budget. Only admitted requests take a slot;
 * that keeps {@code Retry-After} exact: it is the time until the oldest admitted request leaves the window.
 */
final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final ArrayDeque<Long> admittedAt = new ArrayDeque<>();

    /** @param perMinute the budget; 0 means unlimited */
    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes a slot: empty if the request is admitted, otherwise the whole seconds until a slot frees (at least 1). */
    synchronized OptionalLong acquire() {
        if (perMinute == 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        while (!admittedAt.isEmpty() && admittedAt.peekFirst() <= now - WINDOW_MILLIS) {
            admittedAt.pollFirst();
        }
        if (admittedAt.size() < perMinute) {
            admittedAt.addLast(now);
            return OptionalLong.empty();
        }
        long millisUntilFree = admittedAt.peekFirst() + WINDOW_MILLIS - now;
        return OptionalLong.of(Math.max(1, (millisUntilFree + 999) / 1000));
    }
}
