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
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional producer of {@link ExactlyOnceKafka} and its open transaction: starting it (which fences the
 * producers started before with the same transactional id), the records it writes, and whether the open transaction
 * must abort. When to commit, abort or refuse is {@link ExactlyOnceKafka}'s decision.
 * <p>
 * Not thread-safe: {@link ExactlyOnceKafka} calls it under its own lock. Only the two failure flags are written from
 * other threads (the producer's I/O thread, an exchange's completion), hence volatile.
 */
final class TransactionalProducer {

    /** Logs under the name users configure for the Kafka module: {@link ExactlyOnceKafka}'s. */
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceKafka.class);

    private final String transactionalId;
    private Producer<String, byte[]> producer;
    private boolean inTransaction;
    /** A record of the open transaction failed, or an exchange that sent records failed: it must abort. */
    private volatile boolean poisoned;
    /** A record of the open transaction was refused because a newer producer with this transactional id started. */
    private volatile boolean fencedWhileSending;

    TransactionalProducer(String transactionalId) {
        this.transactionalId = transactionalId;
    }

    /** Whether {@code failure}, or one of its causes, says a newer producer with this transactional id took over. */
    static boolean isFenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    /** Starts a producer with {@code clientConfig}; its {@code initTransactions} aborts the previous one's transaction. */
    void start(Map<String, Object> config) {
        // a copy: the transactional id must not reach the admin and reader clients built from the caller's map
        Map<String, Object> clientConfig = new HashMap<>(config);
        clientConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        clientConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        clientConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        clientConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        KafkaProducer<String, byte[]> started
                = new KafkaProducer<>(clientConfig, new StringSerializer(), new ByteArraySerializer());
        try {
            started.initTransactions();
        } catch (RuntimeException e) {
            started.close(Duration.ZERO);
            throw e;
        }
        producer = started;
        inTransaction = false;
        poisoned = false;
    }

    boolean isStarted() {
        return producer != null;
    }

    /** Whether the open transaction must abort: a record of it, or an exchange that sent records into it, failed. */
    boolean isPoisoned() {
        return poisoned;
    }

    /** Whether a record of the open transaction was refused because a newer producer took over. */
    boolean wasFencedWhileSending() {
        return fencedWhileSending;
    }

    /** The open transaction must abort: sending into it, or the exchange that did, failed. */
    void failed(Throwable failure) {
        poisoned = true;
        fencedWhileSending |= isFenced(failure);
    }

    /** The open transaction must abort: an exchange that sent records into it failed later in the route. */
    void failed() {
        poisoned = true;
    }

    void beginIfNeeded() {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
    }

    /** Sends an event, keyed by its id, with its {@code date_create} in {@value ExactlyOnceKafka#DATE_CREATE_HEADER}. */
    void sendEvent(String topic, String id, long dateCreate, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id, value);
        record.headers().add(ExactlyOnceKafka.DATE_CREATE_HEADER,
                             Long.toString(dateCreate).getBytes(StandardCharsets.US_ASCII));
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                failed(failure); // the commit would fail anyway; this makes the next write abort without trying
            }
        });
    }

    /** Sends a position, naming this transactional id in {@value ExactlyOnceKafka#TRANSACTIONAL_ID_HEADER}. */
    void sendPosition(String positionTopic, String key, String value) {
        ProducerRecord<String, byte[]> position
                = new ProducerRecord<>(positionTopic, key, value.getBytes(StandardCharsets.UTF_8));
        position.headers().add(ExactlyOnceKafka.TRANSACTIONAL_ID_HEADER, transactionalId.getBytes(StandardCharsets.UTF_8));
        producer.send(position);
    }

    /**
     * Commits, and waits for the outcome even if the thread is interrupted: a stopping route interrupts its poll, and
     * the last window's commit, already on its way in the producer's thread, then still completes and is known. The
     * interrupt is kept for the caller.
     */
    void commit() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    producer.commitTransaction();
                    inTransaction = false;
                    return;
                } catch (InterruptException e) {
                    interrupted = true;
                    Thread.interrupted(); // Kafka sets the flag again; a commit that was interrupted may be called again
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Aborts the open transaction, if one is open; the producer is to be discarded after. */
    void abort() {
        if (inTransaction) {
            producer.abortTransaction();
        }
    }

    /**
     * Closes the producer without waiting: an open transaction is aborted by the broker when the next one starts.
     *
     * @return whether a transaction was open, its events now lost to Kafka
     */
    boolean discard() {
        boolean lostTransaction = inTransaction;
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the producer of {} failed", transactionalId, e);
            }
            producer = null;
        }
        inTransaction = false;
        poisoned = false;
        fencedWhileSending = false;
        return lostTransaction;
    }
}
