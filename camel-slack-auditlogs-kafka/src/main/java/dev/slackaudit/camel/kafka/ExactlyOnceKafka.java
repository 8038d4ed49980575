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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import dev.slackaudit.camel.ConditionalStateRepository;
import dev.slackaudit.camel.ForgettingIdempotentRepository;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once delivery of one Slack organization's audit events into a Kafka topic: the events the route sends and
 * the position the consumer stores are written by one transactional producer, in one Kafka transaction, as Kafka
 * Connect does for source connectors (KIP-618, see docs/kafka-exactly-once.md).
 * <pre>
 * ExactlyOnceKafka kafka = new ExactlyOnceKafka("broker:9092", "slack-audit", "slack-audit-E0123");
 * context.getRegistry().bind("kafka", kafka);
 * from("slack-auditlogs:logs?batchSize=1000&amp;stateRepository=#kafka&amp;idempotentRepository=#kafka").process(kafka);
 * </pre>
 * One object plays three parts because they must share one producer and one transaction:
 * <ul>
 * <li>as the route's {@link Processor} it sends the exchange's events (an {@link AuditLogEntry}, a batch of them, or
 * any body with the event headers) to the topic, the record key being the event id and its {@code date_create} in the
 * header {@value #DATE_CREATE_HEADER}, in the transaction it opens if none is open. Nothing is committed yet. The
 * record's time is when it was sent, not {@code date_create}: a backfill of last year's events must not fall to the
 * topic's time-based retention as soon as it is written.</li>
 * <li>as the consumer's {@link ConditionalStateRepository} it adds the position to a compacted topic in that
 * transaction and commits: the events and the position become visible to {@code read_committed} readers together, or
 * neither does. The consumer writes its position every 10,000 events and at the end of each window, so that is the
 * size of a transaction. A commit that fails (broker down, producer fenced) is aborted and the write refused: the
 * consumer then reads the position again, which is the last one committed, and delivers from there. A failed
 * exchange aborts the open transaction at the next write the same way.</li>
 * <li>as the consumer's {@link IdempotentRepository} it knows the ids committed with positions, so events read again
 * in the overlap (Slack indexes some late) are not sent twice, and ids of an aborted transaction are forgotten.</li>
 * </ul>
 * The transactional id is what fences: use one per organization, the same on every node. A node that becomes leader
 * (camel-master) initializes its producer with it, which aborts the open transaction of the previous leader and
 * refuses that leader's later commits ({@link ProducerFencedException}); it then reads the position, committed by
 * nobody since. The camel-kafka producer's {@code transacted} option cannot do this: it commits each exchange's
 * records when the exchange completes, before the consumer knows its new position, and no state repository can reach
 * its producer to add the position to that transaction.
 * <p>
 * Only readers with {@code isolation.level=read_committed} see each event once; a {@code read_uncommitted} reader also
 * sees the records of aborted transactions.
 * <p>
 * This class decides when a transaction commits, aborts or is refused, and answers the consumer; the work is done by
 * {@link TransactionalProducer} (the producer and its open transaction), {@link SentIds} (the ids known to be in the
 * topic) and {@link CommittedState} (reading positions and ids back at start). It stays over 400 lines, a quarter of
 * them comments, because what is left is one job that does not split further: the public surface (the settings and
 * the three interfaces the route and the consumer call) and the rules, under one lock, for when a transaction
 * commits, aborts or is refused until the position is read again.
 */
public class ExactlyOnceKafka extends ServiceSupport
        implements Processor, ConditionalStateRepository, ForgettingIdempotentRepository {

    /** The compacted topic that keeps the positions, one record per checkpoint key, unless set otherwise. */
    public static final String DEFAULT_POSITION_TOPIC = "slack-auditlogs-positions";
    /** The record header that carries the event's {@code date_create} (Unix seconds, as text). */
    public static final String DATE_CREATE_HEADER = "date_create";
    /** The header of a position record naming the transactional id that committed it. */
    static final String TRANSACTIONAL_ID_HEADER = "transactional_id";

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceKafka.class);
    private static final String BODIES = "ExactlyOnceKafka sends AuditLogEntry bodies, batches of them, or any body with"
                                         + " the " + SlackAuditLogsConstants.ID + " and "
                                         + SlackAuditLogsConstants.DATE_CREATE + " headers";

    private final String bootstrapServers;
    private final String topic;
    private final String transactionalId;
    private String positionTopic = DEFAULT_POSITION_TOPIC;
    private Duration idsLookBack = Duration.ofMinutes(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private final Map<String, Object> clientProperties = new HashMap<>();

    private final TransactionalProducer producer;
    /** A commit failed: writes are refused until the consumer has read the committed position again. */
    private boolean reloadNeeded;
    private final Map<String, String> positions = new HashMap<>();
    private final SentIds ids = new SentIds();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong aborts = new AtomicLong();
    private final AtomicLong fenced = new AtomicLong();

    /**
     * @param bootstrapServers the brokers, {@code host:port,...}
     * @param topic            where the events go
     * @param transactionalId  stable per organization and the same on every node that may lead: it fences the others
     */
    public ExactlyOnceKafka(String bootstrapServers, String topic, String transactionalId) {
        this.bootstrapServers = require("bootstrapServers", bootstrapServers);
        this.topic = require("topic", topic);
        this.transactionalId = require("transactionalId", transactionalId);
        this.producer = new TransactionalProducer(transactionalId);
    }

    private static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set (ExactlyOnceKafka(bootstrapServers, topic,"
                                               + " transactionalId))");
        }
        return value;
    }

    /** The compacted topic for positions (created with one partition if missing); default {@value #DEFAULT_POSITION_TOPIC}. */
    public ExactlyOnceKafka positionTopic(String positionTopic) {
        this.positionTopic = require("positionTopic", positionTopic);
        return this;
    }

    /**
     * How far back committed ids are remembered: those sent this long before the last commit are read back at start,
     * and those dated this long before the checkpoint are kept. At least the consumer's overlap; default PT10M.
     */
    public ExactlyOnceKafka idsLookBack(Duration idsLookBack) {
        this.idsLookBack = Objects.requireNonNull(idsLookBack, "idsLookBack");
        return this;
    }

    /** How long reading the committed positions and ids back may take; default PT60S. */
    public ExactlyOnceKafka readTimeout(Duration readTimeout) {
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        return this;
    }

    /** A Kafka client property for the producer, the readers and the admin client (security, timeouts). */
    public ExactlyOnceKafka clientProperty(String name, Object value) {
        clientProperties.put(name, value);
        return this;
    }

    public String getTransactionalId() {
        return transactionalId;
    }

    /** Transactions committed (each carries a position). */
    public long getCommits() {
        return commits.get();
    }

    /** Transactions aborted: a failed exchange, a failed commit, or this producer fenced. */
    public long getAborts() {
        return aborts.get();
    }

    /** Commits refused because a newer producer with the same transactional id took over. */
    public long getFenced() {
        return fenced.get();
    }

    // ---- the route's processor ------------------------------------------------------------------------------------

    @Override
    public synchronized void process(Exchange exchange) throws Exception {
        Object body = exchange.getIn().getBody();
        exchange.getExchangeExtension().addOnCompletion(new AbortOnFailure());
        try {
            beginIfNeeded();
            if (body instanceof AuditLogEntry event) {
                send(event.getDedupeKey(), event.getDateCreate(), event.toJson().getBytes(StandardCharsets.UTF_8));
            } else if (body instanceof Iterable<?> events) {
                for (Object event : events) {
                    if (!(event instanceof AuditLogEntry entry)) {
                        throw new IllegalArgumentException(BODIES + "; the batch holds a " + event.getClass().getName());
                    }
                    send(entry.getDedupeKey(), entry.getDateCreate(), entry.toJson().getBytes(StandardCharsets.UTF_8));
                }
            } else {
                // a transformed event (say, ECS JSON): the consumer's headers still name it
                String id = exchange.getIn().getHeader(SlackAuditLogsConstants.ID, String.class);
                Long dateCreate = exchange.getIn().getHeader(SlackAuditLogsConstants.DATE_CREATE, Long.class);
                if (id == null || dateCreate == null) {
                    throw new IllegalArgumentException(BODIES + "; this one has neither");
                }
                send(id, dateCreate, exchange.getIn().getMandatoryBody(byte[].class));
            }
        } catch (RuntimeException e) {
            producer.failed(e);
            throw e;
        }
    }

    private void send(String id, long dateCreate, byte[] value) {
        producer.sendEvent(topic, id, dateCreate, value);
        ids.sent(id, dateCreate);
    }

    /** Marks the open transaction for abort when an exchange that sent records into it fails later in the route. */
    private final class AbortOnFailure implements Synchronization {
        @Override
        public void onComplete(Exchange exchange) {
            // committed with the next position
        }

        @Override
        public void onFailure(Exchange exchange) {
            producer.failed();
        }
    }

    private void beginIfNeeded() {
        if (reloadNeeded) {
            throw new IllegalStateException("The last Kafka transaction of " + transactionalId + " did not commit:"
                                            + " the consumer reads the committed position again before it sends more");
        }
        if (!producer.isStarted()) {
            // only reading the position starts a producer: what was read is true from that start on
            throw new IllegalStateException("ExactlyOnceKafka (" + transactionalId + ") has not read the committed"
                                            + " position: set it as the consumer's stateRepository and"
                                            + " idempotentRepository (stateRepository=#kafka&idempotentRepository=#kafka)"
                                            + " and send the consumer's exchanges to it");
        }
        producer.beginIfNeeded();
    }

    // ---- the consumer's position ----------------------------------------------------------------------------------

    /**
     * The committed position. The first call, and the first after a failed commit, starts a new producer (fencing any
     * other with the same transactional id, and aborting its open transaction) and then reads the positions and the
     * recent ids back, {@code read_committed}: after the fencing nobody else can commit, so what it reads stays true
     * as long as this producer's commits succeed.
     */
    @Override
    public synchronized String getState(String key) {
        if (!producer.isStarted() || reloadNeeded) {
            // until the read below succeeds: a read that fails (a timeout, an ACL) must not leave a started producer
            // with no positions, or the next call would answer "nothing committed" and a commit overwrite the position
            reloadNeeded = true;
            discardProducer();
            producer.start(clientConfig());
            new CommittedState(clientConfig(), topic, positionTopic, transactionalId, idsLookBack, readTimeout)
                    .readInto(positions, ids);
            reloadNeeded = false;
        }
        return positions.get(key);
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (!compareAndSetState(key, positions.get(key), value)) {
            throw new IllegalStateException("The position " + key + "=" + value + " was not committed to Kafka"
                                            + " (see the warning logged before)");
        }
    }

    /**
     * Commits the open transaction with the position {@code key=value}, if {@code expected} is still the committed
     * position. Refused (and the transaction aborted) if an exchange of the transaction failed, if the commit fails,
     * and, after that, until {@link #getState} has read the committed position again.
     */
    @Override
    public synchronized boolean compareAndSetState(String key, String expected, String value) {
        if (reloadNeeded || !producer.isStarted()) {
            reloadNeeded = true; // stopped meanwhile, or a commit failed: the consumer reads the position again first
            return false;
        }
        if (!Objects.equals(expected, positions.get(key))) {
            LOG.warn("The position {} committed to Kafka is '{}', not '{}' as the consumer expected: aborting",
                     key, positions.get(key), expected);
            return refuse();
        }
        if (producer.isPoisoned()) {
            return abort(value);
        }
        try {
            beginIfNeeded();
            producer.sendPosition(positionTopic, key, value);
            producer.commit();
        } catch (KafkaException e) {
            if (TransactionalProducer.isFenced(e)) {
                return fenced(value, e.toString());
            }
            LOG.warn("Committing the Kafka transaction of {} failed; its events and the position '{}' are discarded"
                     + " and the window is delivered again ({})", transactionalId, value, e.toString());
            return refuse();
        }
        commits.incrementAndGet();
        positions.put(key, value);
        ids.commitPending();
        ids.forgetBefore(checkpointSeconds(value) - idsLookBack.toSeconds());
        return true;
    }

    private boolean fenced(String position, String how) {
        fenced.incrementAndGet();
        LOG.warn("The Kafka transaction of {} was refused: another producer with this transactional id took over"
                 + " (a new leader); its events and the position '{}' are discarded ({})", transactionalId, position, how);
        return refuse();
    }

    /**
     * Aborts the open transaction after a failed exchange. A producer that was fenced meanwhile may learn it here, if a
     * record did not tell it already (an abort that reaches the transaction coordinator is refused like a commit; one
     * the producer can complete by itself is not). Either way nothing of the transaction is committed.
     */
    private boolean abort(String position) {
        if (producer.wasFencedWhileSending()) {
            return fenced(position, "a record was refused");
        }
        try {
            producer.abort();
        } catch (KafkaException e) {
            if (TransactionalProducer.isFenced(e)) {
                return fenced(position, e.toString());
            }
            LOG.debug("Aborting the transaction of {} failed; dropping its producer", transactionalId, e);
        }
        LOG.warn("An exchange sent to Kafka failed: the transaction of {} is aborted, its events discarded and the"
                 + " position '{}' not stored", transactionalId, position);
        return refuse();
    }

    /** Drops what the open transaction holds; the consumer reads the committed position before it goes on. */
    private boolean refuse() {
        aborts.incrementAndGet();
        discardProducer();
        ids.discardPending();
        reloadNeeded = true;
        return false;
    }

    /**
     * Closes the producer without waiting: an open transaction is aborted by the broker when the next one starts. Its
     * events are then lost to Kafka, so no position may be committed before the consumer has read the committed one
     * again (a stopped service, say, whose consumer's poll was still running, must not commit that poll's position
     * with a new producer).
     */
    private void discardProducer() {
        if (producer.discard()) {
            reloadNeeded = true;
            ids.discardPending();
        }
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The checkpoint a position value begins with: an ISO-8601 instant or Unix seconds. */
    private static long checkpointSeconds(String position) {
        String first = position.trim().split("\\s+")[0];
        try {
            return first.chars().allMatch(Character::isDigit) ? Long.parseLong(first) : Instant.parse(first).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalStateException("The position '" + position + "' does not begin with a checkpoint", e);
        }
    }

    // ---- the consumer's idempotent repository ---------------------------------------------------------------------

    /**
     * The consumer prefixes event ids with its checkpoint key ({@code key/id}); the records carry the bare id, which
     * is what this repository keeps.
     */
    private static String eventId(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public synchronized boolean add(String key) {
        return ids.add(eventId(key));
    }

    @Override
    public synchronized boolean contains(String key) {
        return ids.contains(eventId(key));
    }

    @Override
    public synchronized boolean remove(String key) {
        return ids.remove(eventId(key));
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        ids.clear();
    }

    /**
     * The first {@code date_create} whose ids this repository holds all of: the committed ids dated before it were
     * forgotten (the consumer never reads that far back again) or were never read back.
     */
    @Override
    public long remembersFrom() {
        return ids.remembersFrom();
    }

    @Override
    protected synchronized void doStop() {
        discardProducer();
    }
}
