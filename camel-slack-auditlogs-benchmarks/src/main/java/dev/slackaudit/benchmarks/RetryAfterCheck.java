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
package dev.slackaudit.benchmarks;

import java.util.ArrayDeque;
import java.util.List;

import dev.slackaudit.simulator.RecordedRequest;

/**
 * Checks from the simulator's request log that no request arrived before the {@code Retry-After} of the 429 before
 * it had run out. The log records statuses and arrival times but not response headers, so the {@code Retry-After}
 * each 429 carried is recomputed with the simulator's rule: the whole seconds (at least 1) until the oldest admitted
 * request of the rolling minute leaves it.
 *
 * @param rateLimited    429 answers
 * @param violations     requests that arrived before the preceding 429's Retry-After ran out
 * @param smallestMarginMillis the least time between a Retry-After running out and the next request (negative is a
 *                       violation); -1 if there was no 429 followed by a request
 */
record RetryAfterCheck(int rateLimited, int violations, long smallestMarginMillis) {

    private static final long WINDOW_MILLIS = 60_000;

    static RetryAfterCheck of(List<RecordedRequest> log) {
        ArrayDeque<Long> admitted = new ArrayDeque<>();
        int rateLimited = 0;
        int violations = 0;
        long smallestMargin = Long.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            long at = log.get(i).time().toEpochMilli();
            while (!admitted.isEmpty() && admitted.peekFirst() <= at - WINDOW_MILLIS) {
                admitted.pollFirst();
            }
            if (log.get(i).status() != 429) {
                admitted.addLast(at);
                continue;
            }
            rateLimited++;
            long untilFree = admitted.isEmpty() ? 0 : admitted.peekFirst() + WINDOW_MILLIS - at;
            long retryAfterMillis = Math.max(1, (untilFree + 999) / 1000) * 1000;
            if (i + 1 < log.size()) {
                long margin = log.get(i + 1).time().toEpochMilli() - (at + retryAfterMillis);
                smallestMargin = Math.min(smallestMargin, margin);
                if (margin < 0) {
                    violations++;
                }
            }
        }
        return new RetryAfterCheck(rateLimited, violations, smallestMargin == Long.MAX_VALUE ? -1 : smallestMargin);
    }
}
