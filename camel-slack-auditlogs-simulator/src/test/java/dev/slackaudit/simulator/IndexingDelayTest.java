package dev.slackaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
