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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How late the events found late were: count, maximum and 99th percentile. */
class LatenessStatisticsTest {

    @Test
    void beforeAnyLateEventEveryFigureIsZero() {
        LatenessStatistics lateness = new LatenessStatistics();

        assertEquals(0, lateness.count());
        assertEquals(0, lateness.maxSeconds());
        assertEquals(0, lateness.p99Seconds());
    }

    @Test
    void theP99IsTheFigureNinetyNinePercentOfTheEventsDoNotExceed() {
        LatenessStatistics lateness = new LatenessStatistics();
        for (long seconds = 1; seconds <= 200; seconds++) {
            lateness.record(seconds);
        }

        assertEquals(200, lateness.count());
        assertEquals(200, lateness.maxSeconds());
        assertEquals(198, lateness.p99Seconds());
    }

    @Test
    void theP99ReadsTheLastTenThousandFiguresTheMaximumAllOfThem() {
        LatenessStatistics lateness = new LatenessStatistics();
        lateness.record(100_000);
        for (int i = 0; i < LatenessStatistics.RECENT; i++) {
            lateness.record(60);
        }

        assertEquals(60, lateness.p99Seconds());
        assertEquals(100_000, lateness.maxSeconds());
    }

    @Test
    void listenersHearEveryFigureUntilRemoved() {
        LatenessStatistics lateness = new LatenessStatistics();
        List<Long> heard = new ArrayList<>();
        java.util.function.LongConsumer listener = heard::add;
        lateness.addListener(listener);
        lateness.record(30);
        lateness.removeListener(listener);
        lateness.record(40);

        assertEquals(List.of(30L), heard);
    }
}
