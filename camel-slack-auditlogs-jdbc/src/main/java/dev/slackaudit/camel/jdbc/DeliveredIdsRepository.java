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

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.slackaudit.camel.BatchIdempotentRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * camel-sql's {@link JdbcMessageIdRepository}, same table and same statements, that also looks up many delivered ids in
 * one {@code SELECT ... IN (...)}: the consumer asks it for the overlap it reads again at every poll, about 1,800 ids
 * at 5 events a second with the default six minutes, and a node taking over after a failover does so before its first
 * event. One by one, on a loaded machine, that took the new leader 4 to 15 s (see the README's failover figures).
 */
public class DeliveredIdsRepository extends JdbcMessageIdRepository implements BatchIdempotentRepository {

    public DeliveredIdsRepository(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
    }

    @Override
    public Set<String> containedKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        // camel-sql's statements name its default table until a table name is set
        String table = getTableName() != null ? getTableName() : DEFAULT_TABLENAME;
        StringBuilder sql = new StringBuilder("SELECT messageId FROM ").append(table)
                .append(" WHERE processorName = ? AND messageId IN (");
        Object[] arguments = new Object[keys.size() + 1];
        arguments[0] = getProcessorName();
        int i = 1;
        for (String key : keys) {
            sql.append(i == 1 ? "?" : ", ?");
            arguments[i++] = key;
        }
        List<String> found = getJdbcTemplate().queryForList(sql.append(')').toString(), String.class, arguments);
        return new HashSet<>(found);
    }
}
