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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads what was committed to a topic, {@code read_committed}, up to the end the topic had when the read began.
 * <p>
 * A {@code read_committed} consumer's end offset is the last stable offset: it stops before the first record of any
 * transaction still open, even one of another producer (another organization's, in a shared positions topic) that
 * began before a record we committed. So the end to reach is the high watermark, asked for {@code read_uncommitted};
 * the reader waits until the open transactions before it end (committed or aborted), or {@code timeout} passes.
 */
final class CommittedRecords {

    private final Map<String, Object> clientProperties;
    private final Duration timeout;

    CommittedRecords(Map<String, Object> clientProperties, Duration timeout) {
        this.clientProperties = clientProperties;
        this.timeout = timeout;
    }

    /**
     * Hands every committed record of {@code topic} to {@code handler}, oldest first within a partition, from the
     * offset {@code from} gives for each partition, or from the beginning of every partition if it is empty.
     */
    void read(String topic, Map<TopicPartition, Long> from, Consumer<ConsumerRecord<String, byte[]>> handler) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (Admin admin = Admin.create(clientProperties);
             KafkaConsumer<String, byte[]> consumer
                     = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = from.isEmpty() ? partitions(admin, topic) : List.copyOf(from.keySet());
            Map<TopicPartition, Long> end = highWatermarks(admin, partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach((partition, offset) -> consumer.seek(partition, Math.min(offset, end.get(partition))));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Reading " + topic + " read_committed did not reach " + end + " within "
                                               + timeout + ": a transaction of another producer stays open");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(handler);
            }
        }
    }

    /** The offsets of the first record stored at or after {@code timestamp} (epoch millis) in each partition. */
    Map<TopicPartition, Long> offsetsAt(String topic, long timestamp) {
        try (Admin admin = Admin.create(clientProperties)) {
            List<TopicPartition> partitions = partitions(admin, topic);
            Map<TopicPartition, OffsetSpec> query = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.forTimestamp(timestamp)));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(query).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> offsets.put(partition, info.offset() < 0 ? Long.MAX_VALUE : info.offset()));
            return offsets;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of(); // nothing was sent yet
            }
            throw e;
        } catch (Exception e) {
            throw unchecked("Looking up the offsets of " + topic + " at " + timestamp, e);
        }
    }

    private static RuntimeException unchecked(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException(what + " failed: " + cause, cause);
    }

    private List<TopicPartition> partitions(Admin admin, String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (Exception e) {
            throw unchecked("Describing " + topic, e);
        }
    }

    private Map<TopicPartition, Long> highWatermarks(Admin admin, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> query = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(query, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> end.put(partition, info.offset()));
            return end;
        } catch (Exception e) {
            throw unchecked("Looking up the end of " + partitions, e);
        }
    }
}
