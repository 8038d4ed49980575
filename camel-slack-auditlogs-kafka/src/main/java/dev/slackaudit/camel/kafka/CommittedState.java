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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back, {@code read_committed}, what {@link ExactlyOnceKafka} needs after its producer started: the positions
 * committed to the position topic (created compacted if missing), and the ids of the events sent during the look-back
 * before this transactional id's last commit, which are the ids the consumer's overlap may read again.
 */
final class CommittedState {

    /** Logs under the name users configure for the Kafka module: {@link ExactlyOnceKafka}'s. */
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceKafka.class);

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final String positionTopic;
    private final String transactionalId;
    private final Duration idsLookBack;
    private final Duration readTimeout;

    CommittedState(Map<String, Object> clientConfig, String topic, String positionTopic, String transactionalId,
                   Duration idsLookBack, Duration readTimeout) {
        this.clientConfig = clientConfig;
        this.topic = topic;
        this.positionTopic = positionTopic;
        this.transactionalId = transactionalId;
        this.idsLookBack = idsLookBack;
        this.readTimeout = readTimeout;
    }

    /** Replaces what {@code positions} and {@code ids} hold with what was committed. */
    void readInto(Map<String, String> positions, SentIds ids) {
        createPositionTopicIfMissing();
        CommittedRecords reader = new CommittedRecords(clientConfig, readTimeout);
        positions.clear();
        long[] lastCommit = { Long.MIN_VALUE };
        reader.read(positionTopic, Map.of(), record -> {
            if (record.value() == null) {
                positions.remove(record.key());
            } else {
                positions.put(record.key(), new String(record.value(), StandardCharsets.UTF_8));
            }
            Header committer = record.headers().lastHeader(ExactlyOnceKafka.TRANSACTIONAL_ID_HEADER);
            if (committer != null && transactionalId.equals(new String(committer.value(), StandardCharsets.UTF_8))) {
                lastCommit[0] = Math.max(lastCommit[0], record.timestamp());
            }
        });
        // what was committed since the look-back before the last commit is read back: every event dated since then
        ids.rememberFrom(lastCommit[0] == Long.MIN_VALUE ? Long.MAX_VALUE
                : lastCommit[0] / 1000 - idsLookBack.toSeconds());
        if (lastCommit[0] != Long.MIN_VALUE) {
            // the ids the overlap may need were sent shortly before the last commit
            Map<TopicPartition, Long> offsets = reader.offsetsAt(topic, lastCommit[0] - idsLookBack.toMillis());
            if (!offsets.isEmpty()) {
                reader.read(topic, offsets, record -> ids.committed(record.key(), dateCreate(record)));
            }
        }
        LOG.info("Read back from Kafka for {}: positions {}, {} event ids of the last {}", transactionalId, positions,
                 ids.committedCount(), idsLookBack);
    }

    private void createPositionTopicIfMissing() {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic compacted = new NewTopic(positionTopic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(compacted)).all().get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created the compacted position topic {}", positionTopic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the position topic " + positionTopic + ": " + e.getCause(),
                                                e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the position topic " + positionTopic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + readTimeout + " when creating the position"
                                            + " topic " + positionTopic, e);
        }
    }

    /** The event's {@code date_create} from its header; the record's time for a record written without one. */
    private static long dateCreate(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ExactlyOnceKafka.DATE_CREATE_HEADER);
        return header == null ? record.timestamp() / 1000 : Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
    }
}
