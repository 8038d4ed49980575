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

import java.util.SplittableRandom;

/**
 * When the synthetic events happen. Real audit logs come in bursts (a bulk channel join, a sync job, a
 * download spree) and {@code date_create} has one-second resolution, so many events share a second and page
 * edges fall inside a second. The schedule places bursts of 1 to 120 events at random seconds of the span.
 */
final class BurstSchedule {

    private BurstSchedule() {
    }

    /** {@code count} seconds in {@code [fromSecond, toSecond]}, in no particular order. */
    static long[] seconds(int count, long fromSecond, long toSecond, SplittableRandom random) {
        long[] seconds = new long[count];
        long span = toSecond - fromSecond + 1;
        int filled = 0;
        while (filled < count) {
            long second = fromSecond + random.nextLong(span);
            int burst = Math.min(count - filled, burstSize(random));
            for (int i = 0; i < burst; i++) {
                seconds[filled++] = second;
            }
        }
        return seconds;
    }

    private static int burstSize(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return 1;
        }
        if (roll < 85) {
            return 2 + random.nextInt(3);
        }
        if (roll < 97) {
            return 5 + random.nextInt(16);
        }
        return 21 + random.nextInt(100);
    }
}
