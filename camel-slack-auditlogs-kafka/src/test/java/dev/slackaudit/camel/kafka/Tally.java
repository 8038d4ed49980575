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

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;


import dev.slackaudit.camel.kafka.testing.CommittedTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** What a {@code read_committed} reader of a topic sees: how often each record key came, against the events expected. */
record Tally(int expected, int lost, int duplicates, int records) {

    static Tally of(String brokers, String topic, Collection<String> expectedIds) {
        Map<String, Integer> counts = CommittedTopic.countByKey(brokers, topic);
        Set<String> missing = new HashSet<>(expectedIds);
        missing.removeAll(counts.keySet());
        int records = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Tally(expectedIds.size(), missing.size(), records - counts.size(), records);
    }

    /** The topic's end offset: records written, committed or not (a cheap measure of progress). */
    static long endOffset(String brokers, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            return admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all()
                    .get(10, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            return 0; // not created yet
        }
    }

    @Override
    public String toString() {
        return String.format("%,d events: %,d records read_committed, %d lost, %d duplicates", expected, records, lost,
                             duplicates);
    }
}
