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
package dev.slackaudit.camel.kafka;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SentIds}: what the Kafka module's idempotent repository knows, without a broker. */
class SentIdsTest {

    private final SentIds ids = new SentIds();

    @Test
    void anIdSentInTheOpenTransactionIsNotNew() {
        ids.sent("E1", 100);

        assertFalse(ids.add("E1"));
        assertTrue(ids.contains("E1"));
    }

    @Test
    void anIdTheRouteDidNotSendIsNewOnceAndThenKnown() {
        assertTrue(ids.add("filtered-out"));
        assertFalse(ids.add("filtered-out"));
    }

    @Test
    void theIdsOfAnAbortedTransactionAreForgotten() {
        ids.sent("E1", 100);

        ids.discardPending();

        assertFalse(ids.contains("E1"));
    }

    @Test
    void theIdsOfACommittedTransactionSurviveTheNextAbort() {
        ids.sent("E1", 100);
        ids.commitPending();

        ids.discardPending();

        assertTrue(ids.contains("E1"));
    }

    @Test
    void forgettingDropsTheCommittedIdsDatedBeforeTheGivenSecond() {
        ids.sent("old", 100);
        ids.sent("recent", 200);

        ids.commitPending();
        ids.forgetBefore(150);

        assertFalse(ids.contains("old"));
        assertTrue(ids.contains("recent"));
        assertEquals(150, ids.remembersFrom());
    }

    @Test
    void whatIsRememberedNeverMovesBack() {
        ids.forgetBefore(150);
        ids.forgetBefore(120);

        assertEquals(150, ids.remembersFrom());
    }

    @Test
    void readingBackForgetsEverythingAndRemembersFromTheGivenSecond() {
        ids.sent("E1", 100);
        ids.commitPending();

        ids.rememberFrom(500);
        ids.committed("E2", 600);

        assertFalse(ids.contains("E1"));
        assertTrue(ids.contains("E2"));
        assertEquals(1, ids.committedCount());
        assertEquals(500, ids.remembersFrom());
    }

    @Test
    void nothingIsRememberedBeforeAnythingWasRead() {
        assertEquals(Long.MAX_VALUE, ids.remembersFrom());
    }
}
