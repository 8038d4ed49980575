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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Indexing delays as the builder and the command line take them. */
class IndexingDelayTest {

    @Test
    void aSingleDurationIsAFixedDelay() {
        assertEquals(IndexingDelay.fixed(Duration.ofSeconds(5)), IndexingDelay.parse("5s"));
    }

    @Test
    void twoDurationsAreAUniformRange() {
        assertEquals(IndexingDelay.uniform(Duration.ZERO, Duration.ofSeconds(20)), IndexingDelay.parse("0s-20s"));
    }

    @Test
    void millisecondsMinutesAndIsoDurationsAreRead() {
        assertEquals(IndexingDelay.uniform(Duration.ofMillis(250), Duration.ofMinutes(2)), IndexingDelay.parse("250ms-PT2M"));
    }

    @Test
    void aRangeBackwardsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexingDelay.parse("20s-5s"));

        assertEquals("--indexing-delay (a fixed delay such as 5s, or a range such as 0s-20s): the indexing delay's max PT5S"
                     + " is below its min PT20S; got '20s-5s'", e.getMessage());
    }

    @Test
    void aNegativeDelayIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> IndexingDelay.fixed(Duration.ofSeconds(-1)));
    }

    @Test
    void theDefaultIsUniformFromZeroToTwentySeconds() {
        assertEquals(IndexingDelay.uniform(Duration.ZERO, Duration.ofSeconds(20)), SlackAuditLogsSimulator.Builder.DEFAULT_INDEXING_DELAY);
    }

    @Test
    void aLateTailIsAShareAndARangeOfDelays() {
        assertEquals(IndexingDelay.fixed(Duration.ofSeconds(5)).withLateTail(0.001, Duration.ofMinutes(10), Duration.ofHours(3)),
                IndexingDelay.fixed(Duration.ofSeconds(5)).withLateTail("0.001:10m-3h"));
    }

    @Test
    void aLateTailWithoutAShareIsRejectedNamingTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexingDelay.none().withLateTail("10m-3h"));

        assertEquals("--late-tail (a share and a range of delays, such as 0.001:10m-3h: one event in a thousand indexed 10"
                     + " minutes to 3 hours late): got '10m-3h'", e.getMessage());
    }

    @Test
    void aLateTailShareAboveOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> IndexingDelay.none().withLateTail("2:10m-3h"));
    }

    @Test
    void aboutTheShareOfEventsIsDrawnFromTheTailTheRestFromTheUsualDelay() {
        IndexingDelay delay = IndexingDelay.uniform(Duration.ZERO, Duration.ofSeconds(20))
                .withLateTail(0.01, Duration.ofMinutes(30), Duration.ofHours(3));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int late = 0;
        for (int i = 0; i < 100_000; i++) {
            Duration drawn = delay.draw(random);
            if (drawn.compareTo(Duration.ofSeconds(20)) > 0) {
                assertTrue(drawn.compareTo(Duration.ofMinutes(30)) >= 0 && drawn.compareTo(Duration.ofHours(3)) <= 0, drawn.toString());
                late++;
            }
        }
        assertTrue(late > 800 && late < 1200, late + " of 100,000 in the tail");
    }
}
