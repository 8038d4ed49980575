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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.slackaudit.camel.ConditionalStateRepository;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConditionalStateRepository} in one table of a relational database, so that the nodes of a cluster share
 * one checkpoint and a paused ex-leader cannot write over the progress of the node that took over. Camel ships no
 * shared {@code StateRepository} (only memory and file); this is the one the component's HA recipe uses.
 * <p>
 * Every call reads or writes the database: there is no cache another node could make stale. Each write is one
 * statement in its own transaction (committed here when the DataSource hands out connections without auto-commit).
 * The table, created on start if {@link #setCreateTable(boolean) createTable} is set:
 *
 * <pre>
 * CREATE TABLE CAMEL_SLACK_AUDITLOGS_STATE (
 *     STATE_KEY   VARCHAR(512)  NOT NULL PRIMARY KEY,
 *     STATE_VALUE VARCHAR(4000) NOT NULL,
 *     UPDATED_AT  TIMESTAMP     NOT NULL
 * )
 * </pre>
 *
 * A {@code null} value is stored as the absence of the row, so {@link #getState} returns {@code null} exactly when
 * {@code compareAndSetState(key, null, value)} can insert. Compare-and-set compares values: the checkpoints the
 * consumer writes only move forward, so an old value does not come back to fool it.
 */
public class JdbcStateRepository extends ServiceSupport implements ConditionalStateRepository {

    /** The table name used unless {@link #setTableName(String)} says otherwise. */
    public static final String DEFAULT_TABLE = "CAMEL_SLACK_AUDITLOGS_STATE";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    /** A table name, optionally schema-qualified: it is put into SQL text, so nothing else is accepted. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    /** SQLSTATE class 23: integrity constraint violation, here a second insert of the same key. */
    private static final String INTEGRITY_VIOLATION = "23";

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private boolean createTable;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database that holds the table (required). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, {@value #DEFAULT_TABLE} by default; a plain or schema-qualified SQL identifier. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Create the table on start if it does not exist (off by default: schemas are usually migrated by their owner). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    /** The DDL of the table this repository uses, for migrations and the README. */
    public String createTableStatement() {
        return "CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(512) NOT NULL PRIMARY KEY,"
               + " STATE_VALUE VARCHAR(4000) NOT NULL, UPDATED_AT TIMESTAMP NOT NULL)";
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository needs a dataSource: set one before starting it");
        }
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("Invalid tableName '" + tableName + "' for JdbcStateRepository: use an"
                                               + " SQL identifier, optionally schema-qualified (letters, digits, _)");
        }
        try (Connection connection = connect()) {
            if (tableExists(connection)) {
                return;
            }
            if (!createTable) {
                throw new IllegalStateException("The state table " + tableName + " does not exist in the "
                                                + product(connection) + " database: create it (" + createTableStatement()
                                                + ") or set createTable=true");
            }
            createTable(connection);
        }
    }

    @Override
    protected void doStop() {
        // nothing held between calls: every call borrows a connection of the DataSource and returns it
    }

    @Override
    public String getState(String key) {
        Objects.requireNonNull(key, "key");
        String sql = "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?";
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                String value = result.next() ? result.getString(1) : null;
                finish(connection);
                return value;
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    /**
     * Stores {@code value} under {@code key} whatever is stored now, as an update or, for a new key, an insert; an
     * insert that loses the race against another node's insert becomes an update.
     */
    @Override
    public void setState(String key, String value) {
        Objects.requireNonNull(key, "key");
        try {
            if (value == null) {
                run("DELETE FROM " + tableName + " WHERE STATE_KEY = ?", key);
                return;
            }
            while (run("UPDATE " + tableName + " SET STATE_VALUE = ?, UPDATED_AT = CURRENT_TIMESTAMP WHERE STATE_KEY = ?",
                    value, key) == 0 && !insert(key, value)) {
                LOG.debug("Another writer inserted state {} first; updating it", key);
            }
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public boolean compareAndSetState(String key, String expected, String value) {
        Objects.requireNonNull(key, "key");
        boolean written;
        try {
            if (expected == null) {
                written = value == null ? getState(key) == null : insert(key, value);
            } else if (value == null) {
                written = run("DELETE FROM " + tableName + " WHERE STATE_KEY = ? AND STATE_VALUE = ?", key, expected) == 1;
            } else {
                written = run("UPDATE " + tableName + " SET STATE_VALUE = ?, UPDATED_AT = CURRENT_TIMESTAMP"
                              + " WHERE STATE_KEY = ? AND STATE_VALUE = ?", value, key, expected) == 1;
            }
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
        if (!written) {
            LOG.debug("State {} was not written: it no longer holds the value its writer last saw", key);
        }
        return written;
    }

    /** Inserts a new key; {@code false} if the key exists (this statement, not a read before it, decides). */
    private boolean insert(String key, String value) throws SQLException {
        try {
            return run("INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE, UPDATED_AT) VALUES (?, ?, CURRENT_TIMESTAMP)",
                    key, value) == 1;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Runs one data-changing statement in a transaction of its own and returns the rows it changed. */
    private int run(String sql, String... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try {
                int rows = statement.executeUpdate();
                finish(connection);
                return rows;
            } catch (SQLException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private Connection connect() throws SQLException {
        if (dataSource == null) {
            throw new IllegalStateException("JdbcStateRepository has no dataSource");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to the database of the state table " + tableName + ": "
                                   + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** Commits when the DataSource's connections do not auto-commit, so each call is its own transaction. */
    private static void finish(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT STATE_KEY, STATE_VALUE, UPDATED_AT FROM " + tableName + " WHERE 1 = 0").close();
            finish(connection);
            return true;
        } catch (SQLException missing) {
            rollback(connection, missing);
            LOG.debug("State table {} not readable: {}", tableName, missing.getMessage());
            return false;
        }
    }

    private void createTable(Connection connection) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.executeUpdate(createTableStatement());
            finish(connection);
            LOG.info("Created the state table {}", tableName);
        } catch (SQLException e) {
            rollback(connection, e);
            if (!tableExists(connection)) { // else another node created it at the same moment
                throw new SQLException("Cannot create the state table " + tableName + ": " + e.getMessage(),
                                       e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /** Ends a failed transaction: PostgreSQL refuses every later statement of one. */
    private static void rollback(Connection connection, SQLException failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION);
    }

    private static String product(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return "configured";
        }
    }

    private RuntimeCamelException failure(String operation, String key, SQLException e) {
        return new RuntimeCamelException("Cannot " + operation + " state " + key + " in table " + tableName + " (SQLState "
                                      + e.getSQLState() + "): " + e.getMessage(), e);
    }
}
