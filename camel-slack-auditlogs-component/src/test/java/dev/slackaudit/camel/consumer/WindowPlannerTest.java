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

import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which range the consumer reads next: from the checkpoint (and the overlap), sized from the density seen. */
class WindowPlannerTest {

    private static final Duration LAG = Duration.ofSeconds(5);
    private static final Duration OVERLAP = Duration.ofMinutes(6);
    private static final long NOW = 1_763_683_200L;
    private static final long CHECKPOINT = NOW - 86_400;
    /** A mark behind the checkpoint: the last window was delivered whole, none stopped half-way. */
    private static final long NO_MARK = Long.MIN_VALUE;

    /** The defaults: no latest, no windowSize, 500,000 events a window, pages of 9,999. */
    private static WindowPlanner planner() {
        return new WindowPlanner(LAG, OVERLAP, null, null, 500_000, 9999);
    }

    @Test
    void theHorizonIsNowMinusLag() {
        assertEquals(NOW - 5, planner().horizon(NOW));
    }

    @Test
    void theHorizonStopsAtLatest() {
        WindowPlanner export = new WindowPlanner(LAG, OVERLAP, NOW - 1000, null, 500_000, 9999);
        assertEquals(NOW - 1000, export.horizon(NOW));
    }

    @Test
    void anExportIsCompleteOnceTheCheckpointHasPassedLatest() {
        WindowPlanner export = new WindowPlanner(LAG, OVERLAP, NOW - 1000, null, 500_000, 9999);
        assertFalse(export.exportComplete(NOW - 1000));
        assertTrue(export.exportComplete(NOW - 999));
    }

    @Test
    void aLiveConsumerIsNeverComplete() {
        assertFalse(planner().exportComplete(Long.MAX_VALUE));
    }

    @Test
    void aFirstWindowCoversAllHistoryUpToTheHorizon() {
        assertEquals(new Window(CHECKPOINT, CHECKPOINT, NOW - 5), planner().next(CHECKPOINT, NO_MARK, false, NOW, null, 0));
    }

    @Test
    void theOverlapReachesBackBeforeTheCheckpoint() {
        assertEquals(new Window(CHECKPOINT - 360, CHECKPOINT, NOW - 5), planner().next(CHECKPOINT, NO_MARK, true, NOW, null, 0));
    }

    @Test
    void theOverlapNeverReachesBeforeTheEpoch() {
        assertEquals(0, planner().next(100, NO_MARK, true, NOW, null, 0).from());
    }

    @Test
    void thereIsNoWindowWhenTheCheckpointHasPassedTheHorizon() {
        assertNull(planner().next(NOW - 4, NO_MARK, false, NOW, null, 0));
    }

    @Test
    void aWindowOfOneSecondIsReadOnceThatSecondIsPastTheLag() {
        assertEquals(new Window(NOW - 5, NOW - 5, NOW - 5), planner().next(NOW - 5, NO_MARK, false, NOW, null, 0));
    }

    @Test
    void windowSizeCapsTheSpan() {
        WindowPlanner hourly = new WindowPlanner(LAG, OVERLAP, null, Duration.ofHours(1), 500_000, 9999);
        assertEquals(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 3599), hourly.next(CHECKPOINT, NO_MARK, false, NOW, null, 0));
    }

    @Test
    void aWindowThatStoppedHalfWayIsReadAgainOnlyUpToItsMark() {
        assertEquals(new Window(CHECKPOINT - 360, CHECKPOINT, CHECKPOINT + 30),
                     planner().next(CHECKPOINT, CHECKPOINT + 30, true, NOW, null, 0));
    }

    @Test
    void aMarkAtTheSecondBeforeTheCheckpointLimitsNothing() {
        assertEquals(NOW - 5, planner().next(CHECKPOINT, CHECKPOINT - 1, false, NOW, null, 0).to());
    }

    @Test
    void aWindowEndsBeforeARangeAlreadyReadAhead() {
        assertEquals(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 99),
                     planner().next(CHECKPOINT, NO_MARK, false, NOW, CHECKPOINT + 100, CHECKPOINT + 500));
    }

    @Test
    void theRangeReadAheadIsTheWindowOnceTheCheckpointReachesIt() {
        assertEquals(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 500),
                     planner().next(CHECKPOINT, NO_MARK, true, NOW, CHECKPOINT, CHECKPOINT + 500));
    }

    @Test
    void eventsReadNearTheLiveEdgeMayStillBeMissingLateOnes() {
        long readAt = NOW;
        assertEquals(NOW - 5 - 360, planner().newestSettled(readAt));
        assertTrue(planner().mayMissLateEvents(NOW - 364, readAt));
        assertFalse(planner().mayMissLateEvents(NOW - 365, readAt));
    }

    @Test
    void onlyASingleSecondIsUncapped() {
        assertTrue(planner().uncapped(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT)));
        assertFalse(planner().uncapped(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 1)));
    }

    @Test
    void aDeliveredWindowSizesTheNextToNineTenthsOfTheCapInWholePages() {
        WindowPlanner planner = planner();
        // 1,000 events a second; 45 pages of 9,999 (nine tenths of 500,000), a little under: 440,955 events, 440 s
        planner.delivered(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 999), 1_000_000);
        assertEquals(new Window(CHECKPOINT + 1000, CHECKPOINT + 1000, CHECKPOINT + 1439),
                     planner.next(CHECKPOINT + 1000, NO_MARK, false, NOW, null, 0));
    }

    @Test
    void aCapSmallerThanAPageSizesWindowsToNineTenthsOfIt() {
        WindowPlanner planner = new WindowPlanner(LAG, OVERLAP, null, null, 1000, 9999);
        planner.delivered(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 99), 1000); // 10 a second
        assertEquals(CHECKPOINT + 100 + 89, planner.next(CHECKPOINT + 100, NO_MARK, false, NOW, null, 0).to());
    }

    @Test
    void anEmptyWindowLetsTheNextCoverAllHistoryAgain() {
        WindowPlanner planner = planner();
        planner.delivered(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 999), 1_000_000);
        planner.delivered(new Window(CHECKPOINT + 1000, CHECKPOINT + 1000, CHECKPOINT + 1439), 0);
        assertEquals(NOW - 5, planner.next(CHECKPOINT + 1440, NO_MARK, false, NOW, null, 0).to());
    }

    @Test
    void anOverflowSizesTheNextWindowFromWhatWasRead() {
        WindowPlanner planner = planner();
        Window window = new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 9999);
        // more than the cap read from the newest second back to CHECKPOINT + 9000: 1,000 s at 500 a second
        planner.overflowed(window, 500_001, CHECKPOINT + 9000);
        assertEquals(CHECKPOINT + 880, planner.next(CHECKPOINT, NO_MARK, false, NOW, null, 0).to()); // 440,955 / 500 = 881 s
    }

    @Test
    void anOverflowAtLeastHalvesTheWindow() {
        WindowPlanner planner = planner();
        Window window = new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 99);
        // the density read says 100 events a second, which would size 4,409 s: more than the window that overflowed
        planner.overflowed(window, 10_000, CHECKPOINT);
        assertEquals(CHECKPOINT + 49, planner.next(CHECKPOINT, NO_MARK, false, NOW, null, 0).to());
    }

    @Test
    void aWindowIsNeverSizedBelowOneSecond() {
        WindowPlanner planner = planner();
        planner.overflowed(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT + 1), 10_000_000, CHECKPOINT + 1);
        assertEquals(new Window(CHECKPOINT, CHECKPOINT, CHECKPOINT), planner.next(CHECKPOINT, NO_MARK, false, NOW, null, 0));
    }
}
