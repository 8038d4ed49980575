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

/**
 * The table for camel-sql's {@code JdbcMessageIdRepository} when it holds the consumer's delivered ids: camel-sql's own
 * DDL has room for ids of 100 characters, and the consumer's keys are its state key, a slash and the event id (or
 * {@code sha256:} and 64 hex digits for the rare event without one). Give it to the repository with
 * {@code setCreateString}, or run it in a schema migration.
 */
public final class DeliveredIdsTable {

    /** {@code CAMEL_MESSAGEPROCESSED}, the table camel-sql's default statements read and write. */
    public static final String CREATE_STATEMENT = "CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL,"
                                                  + " messageId VARCHAR(600) NOT NULL, createdAt TIMESTAMP,"
                                                  + " PRIMARY KEY (processorName, messageId))";

    private DeliveredIdsTable() {
    }
}
