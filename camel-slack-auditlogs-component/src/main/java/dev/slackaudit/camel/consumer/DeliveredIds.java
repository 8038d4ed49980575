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
package dev.slackaudit.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.slackaudit.camel.BatchIdempotentRepository;
import dev.slackaudit.camel.ForgettingIdempotentRepository;
import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of the events a consumer delivered, in its idempotent repository: which repository (the user's, or the
 * endpoint's in-memory default), the key an event has there, the look-ups (a {@link BatchIdempotentRepository} is asked
 * about many events at once), the adds, and from which second on the repository vouches for what was delivered
 * ({@link #vouchedFrom()}, which bounds a recheck). It warns when an in-memory repository is too small for the overlap
 * or the recheck, or empty after a restart.
 */
public final class DeliveredIds {

    /** The in-memory dedupe window when the user sets no idempotent repository. */
    public static final int DEFAULT_CAPACITY = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);

    private final IdempotentRepository repository;
    /** Prepended to an event's key in a repository the user gives; {@code null} in the endpoint's own. */
    private final String keyPrefix;
    private final IdempotentCoverage coverage;
    private final SlackAuditLogsConfiguration configuration;
    private final Predicate<AuditLogEntry> askOneByOne = this::contains;
    private final Warned warned;

    /**
     * Which of the warn-once WARNs a consumer has logged: kept by the consumer, as a consumer stopped and started again
     * in place (JMX, a route policy) gets new {@code DeliveredIds} but must not warn again.
     */
    public static final class Warned {
        private boolean overlap;
        private boolean recheck;
    }

    private DeliveredIds(IdempotentRepository repository, String keyPrefix, IdempotentCoverage coverage,
                         SlackAuditLogsConfiguration configuration, Warned warned) {
        this.repository = repository;
        this.keyPrefix = keyPrefix;
        this.coverage = coverage;
        this.configuration = configuration;
        this.warned = warned;
    }

    /**
     * The ids of a consumer with {@code configuration}: in the user's idempotent repository if it sets one (started
     * here if nobody did, and then left to the CamelContext to stop: stopping it with the consumer would clear a shared
     * in-memory one under the other routes that use it; one the user started stays theirs), else in the endpoint's
     * default, which a route restart (a new consumer) keeps.
     *
     * @param checkpointKey the consumer's checkpoint key, which prefixes the keys in a user's repository
     * @param warned        the consumer's record of the WARNs given once
     */
    public static DeliveredIds of(SlackAuditLogsConfiguration configuration, EndpointDefault endpointDefault,
                                  String checkpointKey, CamelContext context, Warned warned) throws Exception {
        IdempotentRepository users = configuration.getIdempotentRepository();
        if (users == null) {
            return new DeliveredIds(endpointDefault.repository(), null, endpointDefault.coverage(), configuration, warned);
        }
        if (!ServiceHelper.isStarted(users) && !context.hasService(users)) {
            context.addService(users, true, true);
        }
        // a user's in-memory repository is followed from this start; any other is taken to keep every id
        IdempotentCoverage coverage = users instanceof MemoryIdempotentRepository memory
                ? IdempotentCoverage.remembering(memory.getMaxCacheSize()) : IdempotentCoverage.unbounded();
        return new DeliveredIds(users, checkpointKey + "/", coverage, configuration, warned);
    }

    /**
     * The event's key in the repository. In a repository the user gives, it is prefixed with the checkpoint key: two
     * consumers sharing one (say, one per action filter) must not take each other's deliveries for their own. The
     * default repository belongs to this endpoint alone and takes the bare key.
     */
    private String key(AuditLogEntry event) {
        return keyPrefix == null ? event.getDedupeKey() : keyPrefix + event.getDedupeKey();
    }

    private boolean contains(AuditLogEntry event) {
        return repository.contains(key(event));
    }

    /**
     * Asks which of {@code events} (at most {@value BatchIdempotentRepository#MAX_KEYS}) were delivered before: a
     * {@link BatchIdempotentRepository} answers for all of them now, in one question; any other repository is asked
     * about each event when the answer is wanted.
     *
     * @return whether an event of {@code events} was delivered before
     */
    public Predicate<AuditLogEntry> lookUp(List<AuditLogEntry> events) {
        if (!(repository instanceof BatchIdempotentRepository batch)) {
            return askOneByOne;
        }
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(event -> keys.add(key(event)));
        Set<String> held = keys.isEmpty() ? Set.of() : batch.containedKeys(keys);
        return event -> held.contains(key(event));
    }

    /**
     * Adds the id of an event the route took.
     *
     * @param  late whether an earlier read of its second did not see it (it was indexed late)
     * @return      whether it was late and the repository vouched for its second: an overlap event before that (an
     *              in-memory repository is empty after a restart) may have been delivered by the previous run, new to
     *              the repository but not late
     */
    public boolean add(AuditLogEntry event, boolean late) {
        repository.add(key(event));
        // asked only for the rare late event, and before this one's id counts, as it may move what is vouched for
        boolean lateAndVouched = late && event.getDateCreate() >= vouchedFrom();
        coverage.added(event.getDateCreate());
        return lateAndVouched;
    }

    /** The first second from which the repository holds the id of every event delivered. */
    public long vouchedFrom() {
        long vouchedFrom = coverage.vouchedFrom();
        if (repository instanceof ForgettingIdempotentRepository forgetting) {
            vouchedFrom = Math.max(vouchedFrom, forgetting.remembersFrom());
        }
        return vouchedFrom;
    }

    /** The consumer starts delivering at {@code position}: the ids it adds from there on are vouched for. */
    public void resumedAt(Position position) {
        coverage.resumedAt(position.checkpoint(), firstUndelivered(position));
    }

    /** Another consumer delivered up to {@code stored}: those ids are not in this repository for sure. */
    public void movedElsewhere(Position stored) {
        coverage.notBefore(firstUndelivered(stored));
    }

    /** The consumer stopped with its checkpoint at {@code checkpoint}: a route restart continues there. */
    public void stoppedAt(long checkpoint) {
        coverage.stoppedAt(checkpoint);
    }

    /** The first second whose events a consumer delivers from {@code position} on (those after are new for sure). */
    private static long firstUndelivered(Position position) {
        return Math.max(position.deliveredUpTo() + 1, position.checkpoint() + (position.after() != null ? 1 : 0));
    }

    /**
     * Warns, after a restart, of what the default in-memory repository (empty then) cannot tell: which overlap events
     * were delivered ({@code overlapNeeded}: the events before {@code position} are read again), and which events a
     * recheck ({@code rechecking}) reads again.
     */
    public void warnIfEmptyAfterRestart(Position position, boolean overlapNeeded, boolean rechecking, long now) {
        if (overlapNeeded && configuration.getIdempotentRepository() == null) {
            LOG.warn("Resuming at {}, close to when those events were read: the overlap ({}) is read again for events"
                     + " Slack indexed late, and the in-memory idempotent repository, empty after a restart, cannot"
                     + " tell which of its events were delivered, so some may be delivered twice. Set"
                     + " idempotentRepository to a persistent repository (e.g. a FileIdempotentRepository or"
                     + " JdbcMessageIdRepository) to avoid it", Instant.ofEpochSecond(position.checkpoint()),
                     configuration.getOverlap());
        }
        Duration recheck = configuration.getRecheck();
        if (rechecking && coverage.bounded() && coverage.vouchedFrom() > now - recheck.toSeconds()) {
            LOG.warn("The recheck reads the last {} again for events Slack indexed late, but the in-memory idempotent"
                     + " repository (the last {} ids delivered) is empty after a start and cannot tell which events"
                     + " before {} were delivered: rechecks skip them, so they cover less than {} until {}. Set"
                     + " idempotentRepository to a persistent repository that holds the ids of {} of events (e.g. a"
                     + " JdbcMessageIdRepository) for full rechecks after a restart", recheck, coverage.capacity(),
                     Instant.ofEpochSecond(coverage.vouchedFrom()), recheck,
                     Instant.ofEpochSecond(coverage.vouchedFrom()).plus(recheck), recheck);
        }
    }

    /** Warns once if the overlap held more events ({@code overlapEvents}) than an in-memory repository remembers. */
    public void checkOverlapFits(long overlapEvents) {
        if (!warned.overlap && coverage.bounded() && coverage.capacity() > 0 && overlapEvents > coverage.capacity()) {
            warned.overlap = true;
            LOG.warn("The overlap of {} held {} events, more than the in-memory idempotent repository remembers ({}):"
                     + " some may be delivered twice. Set idempotentRepository to a larger or persistent repository,"
                     + " or shorten overlap", configuration.getOverlap(), overlapEvents, coverage.capacity());
        }
    }

    /** Warns once if the in-memory repository forgot ids a recheck at {@code now} (Slack's clock) would need. */
    public void checkRecheckFits(long now) {
        long span = configuration.getRecheck().toSeconds();
        long covered = now - coverage.vouchedFrom();
        if (warned.recheck || !coverage.forgot() || covered >= span) {
            return;
        }
        warned.recheck = true;
        long perHour = coverage.capacity() * 3600 / Math.max(1, covered);
        LOG.warn("The in-memory idempotent repository holds the last {} ids delivered, the events since {} ({} at"
                 + " about {} events an hour), less than recheck ({}): rechecks read no further back, so that no event"
                 + " is delivered twice. Set idempotentRepository to a persistent repository that holds at least {}"
                 + " ids (e.g. a JdbcMessageIdRepository), or set recheck to {} or less to silence this",
                 coverage.capacity(), Instant.ofEpochSecond(coverage.vouchedFrom()), Duration.ofSeconds(covered),
                 perHour, configuration.getRecheck(), perHour * span / 3600, Duration.ofSeconds(covered));
    }

    /**
     * The endpoint's own repository, for when the user sets none, and what it vouches for: owned by the endpoint, so a
     * route restart (which gives the route a new consumer) keeps both. Camel's MemoryIdempotentRepository over a plain
     * insertion-ordered map that forgets the oldest id past {@value #DEFAULT_CAPACITY}: its default LRU cache cost a
     * fifth of the consumer's CPU in a profiled backfill, and dedupe needs the most recent ids, not the most used ones.
     */
    public static final class EndpointDefault {
        private IdempotentRepository repository;
        private IdempotentCoverage coverage;

        /** The repository, created and started on first use. */
        public synchronized IdempotentRepository repository() {
            if (repository == null) {
                Map<String, Object> recentIds = new LinkedHashMap<>(1024, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                        return size() > DEFAULT_CAPACITY;
                    }
                };
                repository = MemoryIdempotentRepository.memoryIdempotentRepository(recentIds);
                ServiceHelper.startService(repository);
            }
            return repository;
        }

        synchronized IdempotentCoverage coverage() {
            if (coverage == null) {
                coverage = IdempotentCoverage.remembering(DEFAULT_CAPACITY);
            }
            return coverage;
        }

        /** Stops the repository, if it was created (the endpoint shuts down). */
        public synchronized void stop() {
            ServiceHelper.stopService(repository);
        }
    }
}
