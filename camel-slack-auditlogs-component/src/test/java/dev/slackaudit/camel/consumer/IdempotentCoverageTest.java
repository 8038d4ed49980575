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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From which second on an idempotent repository vouches for what was delivered (what a recheck may read). */
class IdempotentCoverageTest {

    @Test
    void anInMemoryRepositoryVouchesFromWhereItsFirstConsumerStarted() {
        IdempotentCoverage coverage = IdempotentCoverage.remembering(1000);

        coverage.resumedAt(5_000, 5_000);

        assertEquals(5_000, coverage.vouchedFrom());
        assertFalse(coverage.forgot());
    }

    @Test
    void forgettingIdsMovesThePointPastTheNewestOfThoseForgotten() {
        IdempotentCoverage coverage = IdempotentCoverage.remembering(100);
        coverage.resumedAt(0, 0);

        for (long second = 1; second <= 150; second++) {
            coverage.added(second);
        }

        // the repository holds the ids of seconds 51 to 150; the point may move early, never late
        assertTrue(coverage.vouchedFrom() > 1 && coverage.vouchedFrom() <= 51, Long.toString(coverage.vouchedFrom()));
        assertTrue(coverage.forgot());
    }

    @Test
    void aRouteRestartWhereTheLastConsumerStoppedKeepsWhatItVouchesFor() {
        IdempotentCoverage coverage = IdempotentCoverage.remembering(1000);
        coverage.resumedAt(5_000, 5_000);
        coverage.stoppedAt(9_000);

        coverage.resumedAt(9_000, 9_000);

        assertEquals(5_000, coverage.vouchedFrom());
    }

    @Test
    void aStartFromAPositionSomeoneElseMovedVouchesOnlyFromThere() {
        IdempotentCoverage coverage = IdempotentCoverage.remembering(1000);
        coverage.resumedAt(5_000, 5_000);
        coverage.stoppedAt(9_000);

        coverage.resumedAt(12_000, 12_000); // another node delivered 9,000 to 12,000

        assertEquals(12_000, coverage.vouchedFrom());
    }

    @Test
    void aPersistentRepositoryVouchesForEverything() {
        IdempotentCoverage coverage = IdempotentCoverage.unbounded();
        coverage.resumedAt(5_000, 5_000);
        coverage.added(6_000);

        assertEquals(Long.MIN_VALUE, coverage.vouchedFrom());
    }
}
