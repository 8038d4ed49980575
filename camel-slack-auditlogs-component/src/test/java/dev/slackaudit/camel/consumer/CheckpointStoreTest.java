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

import dev.slackaudit.camel.FencingTest;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The position, one readable value under one key of a Camel state repository, written only over what was seen. */
class CheckpointStoreTest {

    private static final String KEY = "slack-auditlogs/api.slack.com/audit/v1";
    private static final long T = 1_763_719_200L; // 2025-11-21T10:00:00Z

    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final CheckpointStore store = new CheckpointStore(repository, KEY);
    private final FencingTest.ComparingRepository conditional = new FencingTest.ComparingRepository();
    private final CheckpointStore fenced = new CheckpointStore(conditional, KEY);

    @Test
    void thereIsNoPositionBeforeTheFirstWrite() {
        assertNull(store.read());
    }

    @Test
    void aBlankValueIsNoPosition() {
        repository.setState(KEY, "  ");
        assertNull(store.read());
    }

    @Test
    void writesOneLineAPersonCanRead() {
        store.write(new Position(T, "5f0c6a1e", T + 3599, T + 7203));
        assertEquals("2025-11-21T10:00:00Z after=5f0c6a1e delivered=2025-11-21T10:59:59Z readAt=2025-11-21T12:00:03Z",
                     repository.getState(KEY));
    }

    @Test
    void readsBackWhatItWrote() {
        Position position = new Position(T, "5f0c6a1e", T + 3599, T + 7203);
        store.write(position);
        assertEquals(position, new CheckpointStore(repository, KEY).read());
    }

    @Test
    void leavesOutTheWordsItHasNoValueFor() {
        store.write(Position.start(T));
        assertEquals("2025-11-21T10:00:00Z", repository.getState(KEY));
    }

    @Test
    void readsACheckpointEditedByHandAsNothingDeliveredAtItAndAReadTimeUnknown() {
        repository.setState(KEY, "2025-11-21T10:00:00Z");
        assertEquals(new Position(T, null, T - 1, null), store.read());
    }

    @Test
    void readsACheckpointInUnixSeconds() {
        repository.setState(KEY, Long.toString(T));
        assertEquals(T, store.read().checkpoint());
    }

    @Test
    void refusesAValueItCannotReadNamingTheKeyAndWhatToDo() {
        repository.setState(KEY, "yesterday");
        IllegalStateException refusal = assertThrows(IllegalStateException.class, store::read);
        assertTrue(refusal.getMessage().startsWith("The checkpoint 'yesterday' stored under " + KEY + " holds"
                                                   + " 'yesterday', neither an ISO-8601 instant nor Unix seconds"),
                   refusal.getMessage());
    }

    @Test
    void aDeliveredMarkBeforeTheCheckpointMeansEverythingBeforeIt() {
        assertEquals(T - 1, new Position(T, null, T - 100, null).deliveredUpTo());
    }

    @Test
    void writesOverAValueItSawInAConditionalRepository() {
        fenced.read();
        fenced.write(Position.start(T));
        fenced.write(Position.start(T + 60));
        assertEquals("2025-11-21T10:01:00Z", conditional.getState(KEY));
    }

    @Test
    void refusesToWriteOverAnotherWritersPositionInAConditionalRepository() {
        fenced.read();
        conditional.setState(KEY, "2025-11-21T11:00:00Z"); // the node that took over moved on
        assertThrows(CheckpointStore.ConflictException.class, () -> fenced.write(Position.start(T)));
        assertEquals("2025-11-21T11:00:00Z", conditional.getState(KEY));
    }

    @Test
    void continuesFromAnotherWritersPositionOnceItReadItAgain() {
        fenced.read();
        conditional.setState(KEY, "2025-11-21T11:00:00Z");
        assertEquals(T + 3600, fenced.read().checkpoint());
        fenced.write(Position.start(T + 3660));
        assertEquals("2025-11-21T11:01:00Z", conditional.getState(KEY));
    }

    @Test
    void thePositionAfterAnEventNamesItsSecondAndKey() {
        assertEquals(new Position(T + 5, "abc", T + 4, T + 60), Position.start(T).through(T + 5, "abc", T + 60));
    }

    @Test
    void thePositionPastAWindowIsTheSecondAfterIt() {
        Position past = Position.start(T).withDeliveredUpTo(T + 99).past(T + 99, T + 200);
        assertEquals(new Position(T + 100, null, T + 99, T + 200), past);
    }
}
