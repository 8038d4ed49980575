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
package dev.slackaudit.camel.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link JdbcStateRepository} promises, run against each database engine by a subclass. Every test works in a
 * table of its own, created by the repository under test.
 */
abstract class JdbcStateRepositorySpecification {

    private static final AtomicInteger TABLES = new AtomicInteger();
    /** A checkpoint as the consumer may write it: an opaque string to the repository. */
    private static final String CHECKPOINT = "2026-11-21T10:00:00Z readAt=2026-11-21T10:06:00Z";

    protected String table;
    protected JdbcStateRepository repository;

    /** The database under test. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void createRepository() {
        table = "STATE_SPEC_" + TABLES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        repository = repository(dataSource());
        repository.setCreateTable(true);
        repository.start();
    }

    @AfterEach
    void dropTable() throws SQLException {
        repository.stop();
        try (Connection connection = dataSource().getConnection(); Statement drop = connection.createStatement()) {
            drop.executeUpdate("DROP TABLE " + table);
        }
    }

    private JdbcStateRepository repository(DataSource dataSource) {
        JdbcStateRepository created = new JdbcStateRepository(dataSource);
        created.setTableName(table);
        return created;
    }

    @Test
    void aKeyNeverWrittenHasNoState() {
        assertNull(repository.getState("org-audit"));
    }

    @Test
    void setStateInsertsAKeyAndThenOverwritesIt() {
        repository.setState("org-audit", "2026-11-21T10:00:00Z");
        repository.setState("org-audit", CHECKPOINT);

        assertEquals(CHECKPOINT, repository.getState("org-audit"));
    }

    @Test
    void keysOfAFewHundredCharactersHoldTheirOwnValues() {
        String longKey = "https://api.slack.com/audit/v1|action=" + "user_login,".repeat(40);
        repository.setState(longKey, "1");
        repository.setState(longKey + "/second", "2");

        assertEquals("1", repository.getState(longKey));
        assertEquals("2", repository.getState(longKey + "/second"));
    }

    @Test
    void settingNullRemovesTheKey() {
        repository.setState("org-audit", CHECKPOINT);
        repository.setState("org-audit", null);

        assertNull(repository.getState("org-audit"));
        assertTrue(repository.compareAndSetState("org-audit", null, CHECKPOINT), "the key can be created again");
    }

    @Test
    void compareAndSetWritesOverTheValueTheWriterLastSaw() {
        repository.setState("org-audit", "2026-11-21T10:00:00Z");

        assertTrue(repository.compareAndSetState("org-audit", "2026-11-21T10:00:00Z", CHECKPOINT));
        assertEquals(CHECKPOINT, repository.getState("org-audit"));
    }

    @Test
    void compareAndSetRefusesToWriteOverAnotherWritersProgress() {
        repository.setState("org-audit", "2026-11-21T10:00:00Z");
        repository.setState("org-audit", "2026-11-21T11:00:00Z"); // the node that took over moved on

        assertFalse(repository.compareAndSetState("org-audit", "2026-11-21T10:00:00Z", "2026-11-21T10:30:00Z"),
                "the paused ex-leader's write is refused");
        assertEquals("2026-11-21T11:00:00Z", repository.getState("org-audit"), "the checkpoint did not move back");
    }

    @Test
    void compareAndSetFromNothingCreatesOnlyAKeyThatDoesNotExist() {
        assertTrue(repository.compareAndSetState("org-audit", null, "2026-11-21T10:00:00Z"));
        assertFalse(repository.compareAndSetState("org-audit", null, "2026-11-20T00:00:00Z"));

        assertEquals("2026-11-21T10:00:00Z", repository.getState("org-audit"));
    }

    @Test
    void compareAndSetToNullRemovesOnlyTheValueSeen() {
        repository.setState("org-audit", CHECKPOINT);

        assertFalse(repository.compareAndSetState("org-audit", "something else", null));
        assertTrue(repository.compareAndSetState("org-audit", CHECKPOINT, null));
        assertNull(repository.getState("org-audit"));
    }

    @Test
    void aSecondNodeSeesEveryWriteAtOnce() {
        JdbcStateRepository otherNode = repository(dataSource());
        otherNode.start();
        try {
            repository.setState("org-audit", "2026-11-21T10:00:00Z");
            assertEquals("2026-11-21T10:00:00Z", otherNode.getState("org-audit"));

            otherNode.setState("org-audit", "2026-11-21T11:00:00Z");
            assertEquals("2026-11-21T11:00:00Z", repository.getState("org-audit"), "nothing cached the old value");
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void ofWritersRacingFromTheSameValueExactlyOneWins() throws Exception {
        repository.setState("org-audit", "start");
        List<Boolean> outcomes = race(8, writer -> repository.compareAndSetState("org-audit", "start", "by-" + writer));

        assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), "winners in " + outcomes);
        assertTrue(repository.getState("org-audit").startsWith("by-"));
    }

    @Test
    void writersRacingToCreateTheSameKeyAllSucceed() throws Exception {
        race(8, writer -> {
            repository.setState("new-key", "by-" + writer);
            return true;
        });

        assertTrue(repository.getState("new-key").startsWith("by-"), "one of the writes is stored");
    }

    @Test
    void aMissingTableIsNamedOnStartWithItsDdl() {
        JdbcStateRepository withoutTable = new JdbcStateRepository(dataSource());
        withoutTable.setTableName("NO_SUCH_STATE_TABLE");

        Exception e = assertThrows(IllegalStateException.class, withoutTable::start);
        assertTrue(e.getMessage().startsWith("The state table NO_SUCH_STATE_TABLE does not exist in the "), e.getMessage());
        assertTrue(e.getMessage().contains("create it (CREATE TABLE NO_SUCH_STATE_TABLE (STATE_KEY VARCHAR(512)"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("or set createTable=true"), e.getMessage());
    }

    @Test
    void aTableDroppedUnderARunningRepositoryFailsTheCallWithTheTableAndKey() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement drop = connection.createStatement()) {
            drop.executeUpdate("ALTER TABLE " + table + " RENAME TO " + table + "_MOVED");
        }
        try {
            Exception e = assertThrows(RuntimeCamelException.class, () -> repository.getState("org-audit"));
            assertTrue(e.getMessage().startsWith("Cannot read state org-audit in table " + table + " (SQLState "),
                    e.getMessage());
        } finally {
            try (Connection connection = dataSource().getConnection(); Statement back = connection.createStatement()) {
                back.executeUpdate("ALTER TABLE " + table + "_MOVED RENAME TO " + table);
            }
        }
    }

    @Test
    void startingOnATableThatExistsKeepsItsRows() {
        repository.setState("org-audit", CHECKPOINT);
        JdbcStateRepository restarted = repository(dataSource());
        restarted.setCreateTable(true);
        restarted.start();

        assertEquals(CHECKPOINT, restarted.getState("org-audit"));
        restarted.stop();
    }

    @Test
    void aTableNameThatIsNotAnIdentifierIsRefused() {
        JdbcStateRepository injected = new JdbcStateRepository(dataSource());
        injected.setTableName("STATE; DROP TABLE USERS");

        Exception e = assertThrows(IllegalArgumentException.class, injected::start);
        assertEquals("Invalid tableName 'STATE; DROP TABLE USERS' for JdbcStateRepository: use an SQL identifier,"
                     + " optionally schema-qualified (letters, digits, _)", e.getMessage());
    }

    /** Runs {@code writer} on {@code n} threads released at the same moment. */
    private static <T> List<T> race(int n, WriterTask<T> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                Callable<T> task = () -> {
                    go.await();
                    return writer.write(id);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface WriterTask<T> {
        T write(int writer) throws Exception;
    }
}
