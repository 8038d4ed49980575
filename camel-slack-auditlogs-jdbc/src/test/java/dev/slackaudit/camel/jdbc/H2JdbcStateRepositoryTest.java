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

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.RuntimeCamelException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link JdbcStateRepository} on H2, in memory, and what it does with connections that do not auto-commit. */
class H2JdbcStateRepositoryTest extends JdbcStateRepositorySpecification {

    private static final String URL = "jdbc:h2:mem:state;DB_CLOSE_DELAY=-1";

    @Override
    protected DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        return dataSource;
    }

    @Test
    void writesThroughAPoolThatDoesNotAutoCommitAreCommitted() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcStateRepository manual = new JdbcStateRepository(pool);
            manual.setTableName(table);
            manual.start();

            manual.setState("org-audit", "2026-11-21T10:00:00Z");
            assertTrue(manual.compareAndSetState("org-audit", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z"));
            assertFalse(manual.compareAndSetState("org-audit", null, "2026-11-20T00:00:00Z"), "a refused insert");
            manual.setState("org-audit-second", "2026-11-21T11:30:00Z"); // the pool's one connection still works

            assertEquals("2026-11-21T11:00:00Z", repository.getState("org-audit"), "another connection sees the write");
            assertEquals("2026-11-21T11:30:00Z", repository.getState("org-audit-second"));
            manual.stop();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAClearErrorOnStart() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:mem:missing;IFEXISTS=TRUE");
        JdbcStateRepository repository = new JdbcStateRepository(unreachable);

        Exception e = assertThrows(RuntimeCamelException.class, repository::start);
        assertTrue(e.getCause().getMessage().startsWith("Cannot connect to the database of the state table"
                                                        + " CAMEL_SLACK_AUDITLOGS_STATE: "), e.getCause().getMessage());
    }

    @Test
    void aRepositoryWithoutDataSourceDoesNotStart() {
        Exception e = assertThrows(IllegalArgumentException.class, new JdbcStateRepository()::start);
        assertEquals("JdbcStateRepository needs a dataSource: set one before starting it", e.getMessage());
    }
}
