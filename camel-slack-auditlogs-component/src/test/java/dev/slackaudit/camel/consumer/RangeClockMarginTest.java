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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.slackaudit.camel.options.PointInTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The margin by which the consumer reads further back than now minus lag when the clock that checks Slack's ranges runs
 * behind the clock of its Date header.
 */
class RangeClockMarginTest {

    private static final long NOW = 1_796_115_600L; // 2026-12-01T09:00:00Z, by the Date header
    private static final long LAG = 5;

    private final RangeClockMargin margin = new RangeClockMargin(Duration.ofSeconds(LAG));

    @Test
    void thereIsNoMarginUntilSlackRefusesARange() {
        assertEquals(0, margin.seconds());
        assertFalse(margin.accepted(), "nothing found, nothing to warn about");
    }

    @Test
    void eachStepBacksAwayTwiceAsFarFromOneSecondUpToFiveMinutes() {
        List<Long> steps = new ArrayList<>();
        while (margin.backAway()) {
            steps.add(margin.seconds());
        }

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L), steps);
    }

    @Test
    void atTheCapBackingAwayFailsAndLeavesTheMargin() {
        while (margin.backAway()) {
            // to the cap
        }

        assertFalse(margin.backAway());
        assertEquals(RangeClockMargin.CAP_SECONDS, margin.seconds());
    }

    @Test
    void aMarginFoundIsReportedOnceWhenSlackAcceptsARange() {
        margin.backAway();
        margin.backAway();

        assertTrue(margin.accepted());
        assertFalse(margin.accepted(), "later ranges read with the same margin report nothing");
        assertEquals(2, margin.seconds(), "the margin stays for the next polls");
    }

    @Test
    void aMarginThatHasToGrowAgainIsReportedAgain() {
        margin.backAway();
        margin.accepted();

        margin.backAway();

        assertTrue(margin.accepted());
        assertEquals(2, margin.seconds());
    }

    @Test
    void aRefusedRangeEndingAtNowMinusLagMayComeFromAClockBehind() {
        assertTrue(margin.mayExplain(NOW - 3600, NOW - LAG, NOW));
    }

    @Test
    void aRefusedRangeEndingAtTheHorizonOfTheCapMayStillComeFromAClockBehind() {
        assertTrue(margin.mayExplain(NOW - 3600, NOW - LAG - RangeClockMargin.CAP_SECONDS, NOW),
                "the window read with the largest margin: refused, the poll fails naming the clocks");
    }

    @Test
    void aRefusedRangeEndingLongBeforeNowLiesWithTheRangeNotTheClock() {
        assertFalse(margin.mayExplain(NOW - 7200, NOW - 3600, NOW));
    }

    @Test
    void aRefusedRangeStartingBeforeMarch2018LiesWithTheRangeNotTheClock() {
        long beforeAuditLogs = PointInTime.AUDIT_LOGS_BEGIN.getEpochSecond() - 1;

        assertFalse(margin.mayExplain(beforeAuditLogs, NOW - LAG, NOW));
    }
}
