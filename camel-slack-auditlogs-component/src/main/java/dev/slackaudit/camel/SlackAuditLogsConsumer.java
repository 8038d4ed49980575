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
package dev.slackaudit.camel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.slackaudit.camel.client.LogsPager;
import dev.slackaudit.camel.client.LogsQuery;
import dev.slackaudit.camel.client.SlackAuditLogsClient;
import dev.slackaudit.camel.client.SlackAuditLogsException;
import dev.slackaudit.camel.consumer.CheckpointStore.Position;
import dev.slackaudit.camel.consumer.CheckpointStore;
import dev.slackaudit.camel.consumer.IdempotentCoverage;
import dev.slackaudit.camel.consumer.RangeClockMargin;
import dev.slackaudit.camel.consumer.Recheck;
import dev.slackaudit.camel.consumer.WindowDelivery;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.consumer.WindowPlanner;
import dev.slackaudit.camel.consumer.WindowReader.ReadWindow;
import dev.slackaudit.camel.consumer.WindowReader;
import dev.slackaudit.camel.management.ConsumerStatistics;
import dev.slackaudit.camel.management.LatenessStatistics;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.options.ActionNames;
import dev.slackaudit.camel.options.PointInTime;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code GET /logs} window by window and emits one exchange per audit event (or per batch of up to
 * {@code batchSize} events of one window), oldest first (docs/architecture.md).
 * <p>
 * Each poll is a short loop over five parts, each in a class of its own: the {@link WindowPlanner} decides what to read
 * next, the {@link WindowReader} reads it (every page, to disk when large), the {@link WindowDelivery} sends its events
 * through the route and records the position in the {@link CheckpointStore}, and {@link ConsumerStatistics} keeps the
 * numbers the JMX attributes below show. A poll that is behind reads window after window until it has caught up with
 * now minus {@code lag} on Slack's clock.
 * <p>
 * A plain {@link ScheduledPollConsumer} rather than a batch consumer: the unit of commit is the window's position,
 * and processing synchronously lets the consumer stop cleanly between two events when the route stops.
 */
@ManagedResource(description = "Slack Audit Logs consumer")
public class SlackAuditLogsConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);
    /** Events a window keeps in the heap before its pages go to disk; 20,000 fit a 128 MB heap with room to spare. */
    private static final int IN_MEMORY_EVENTS = 20_000;
    private static final String INVALID_RANGE = "invalid_range";
    /** The least time between two WARNs about events later than lag plus overlap. */
    private static final long LATE_WARN_INTERVAL_MILLIS = Duration.ofMinutes(10).toMillis();

    private final SlackAuditLogsConfiguration configuration;
    private final ConsumerStatistics statistics = new ConsumerStatistics();
    private final LatenessStatistics lateness = new LatenessStatistics();
    private final AtomicReference<Long> pendingReset = new AtomicReference<>();

    private SlackAuditLogsClient client;
    private List<String> actions;
    private WindowPlanner planner;
    private WindowReader reader;
    private WindowDelivery delivery;
    private CheckpointStore checkpointStore;
    private RangeClockMargin rangeClockMargin;
    /** The second look for events indexed later than lag plus overlap; {@code null} when recheck is 0 or latest set. */
    private Recheck recheck;
    private IdempotentCoverage coverage;
    private boolean caughtUp;
    private boolean capacityWarned;
    private long lateWarnedAt;
    private long lateSinceWarn;
    private StateRepository<String, String> stateRepository;
    private IdempotentRepository idempotentRepository;
    /** Resumed from a position stored without its read time (an older version, or edited by hand): assume recent. */
    private boolean readTimeUnknown;
    private boolean reloadPosition;
    private boolean exportCompleteLogged;
    private boolean overlapWarned;

    public SlackAuditLogsConsumer(SlackAuditLogsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public SlackAuditLogsEndpoint getEndpoint() {
        return (SlackAuditLogsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        client = getEndpoint().getClient();
        actions = ActionNames.parse(configuration.getAction());
        checkActionNames();

        // the in-memory defaults belong to the endpoint, so a route restart (which creates a new consumer) resumes; a
        // repository the user gave us is started if nobody did, and then left to the CamelContext to stop: stopping it
        // here would clear a shared in-memory one under the other routes that use it. One the user started stays theirs.
        stateRepository = configuration.getStateRepository() != null
                ? configuration.getStateRepository() : getEndpoint().defaultStateRepository();
        idempotentRepository = configuration.getIdempotentRepository() != null
                ? configuration.getIdempotentRepository() : getEndpoint().defaultIdempotentRepository();
        for (Object repository : new Object[] { configuration.getStateRepository(), configuration.getIdempotentRepository() }) {
            if (repository != null && !ServiceHelper.isStarted(repository)
                    && !getEndpoint().getCamelContext().hasService(repository)) {
                getEndpoint().getCamelContext().addService(repository, true, true);
            }
        }

        // read the checkpoint here, not in the constructor: the master component restarts consumers on failover
        Instant now = Instant.now();
        rangeClockMargin = new RangeClockMargin(configuration.getLag());
        planner = new WindowPlanner(configuration.getLag(), configuration.getOverlap(),
                                    PointInTime.resolve("latest", configuration.getLatest(), now),
                                    configuration.getWindowSize(), configuration.getMaxEventsPerWindow(),
                                    configuration.getLimit());
        LogsQuery query = LogsQuery.of(null, null, configuration.getLimit(), configuration.getActor(),
                                        configuration.getEntity());
        reader = new WindowReader(new LogsPager(client), query, actions, planner,
                                  spoolDirectory(), IN_MEMORY_EVENTS);
        checkpointStore = new CheckpointStore(stateRepository, CheckpointStore.keyFor(configuration));
        component().claimCheckpoint(stateRepository, checkpointStore.key());
        Position stored = checkpointStore.read();
        Position position = stored != null ? stored : Position.start(startOf(now));
        readTimeUnknown = stored != null && stored.readAt() == null;
        delivery = new WindowDelivery(this, idempotentRepository, this::idempotentKey, checkpointStore, statistics,
                                      configuration.getBatchSize(), this::checkOverlapFits, this::logProgress, position)
                .onDelivered((event, beforeStart, readAt) -> delivered(event, beforeStart, readAt, "the overlap"));
        coverage = idempotentCoverage();
        coverage.resumedAt(position.checkpoint(), firstUndelivered(position));
        recheck = createRecheck(query);
        statistics.backfillFrom(position.checkpoint());
        LOG.info("Reading Slack audit events from {} ({}; checkpoint key {})", Instant.ofEpochSecond(position.checkpoint()),
                 stored != null ? "stored checkpoint" : "oldest=" + configuration.getOldest(), checkpointStore.key());
        if (stored != null && overlapNeeded(position) && configuration.getIdempotentRepository() == null) {
            LOG.warn("Resuming at {}, close to when those events were read: the overlap ({}) is read again for events"
                     + " Slack indexed late, and the in-memory idempotent repository, empty after a restart, cannot"
                     + " tell which of its events were delivered, so some may be delivered twice. Set"
                     + " idempotentRepository to a persistent repository (e.g. a FileIdempotentRepository or"
                     + " JdbcMessageIdRepository) to avoid it", Instant.ofEpochSecond(position.checkpoint()),
                     configuration.getOverlap());
        }
        if (stored != null && recheck != null && coverage.bounded()
            && coverage.vouchedFrom() > now.getEpochSecond() - configuration.getRecheck().toSeconds()) {
            LOG.warn("The recheck reads the last {} again for events Slack indexed late, but the in-memory idempotent"
                     + " repository (the last {} ids delivered) is empty after a start and cannot tell which events"
                     + " before {} were delivered: rechecks skip them, so they cover less than {} until {}. Set"
                     + " idempotentRepository to a persistent repository that holds the ids of {} of events (e.g. a"
                     + " JdbcMessageIdRepository) for full rechecks after a restart", configuration.getRecheck(),
                     coverage.capacity(), Instant.ofEpochSecond(coverage.vouchedFrom()), configuration.getRecheck(),
                     Instant.ofEpochSecond(coverage.vouchedFrom()).plus(configuration.getRecheck()),
                     configuration.getRecheck());
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (reader != null) {
            reader.discardAhead();
        }
        if (recheck != null) {
            recheck.discardAhead();
        }
        if (coverage != null && delivery != null) {
            coverage.stoppedAt(delivery.position().checkpoint());
        }
        if (checkpointStore != null) {
            component().releaseCheckpoint(stateRepository, checkpointStore.key());
        }
    }

    private SlackAuditLogsComponent component() {
        return (SlackAuditLogsComponent) getEndpoint().getComponent();
    }

    private Path spoolDirectory() {
        String directory = configuration.getSpoolDirectory();
        return Path.of(directory == null || directory.isBlank() ? System.getProperty("java.io.tmpdir") : directory);
    }

    private long startOf(Instant now) {
        Long oldest = PointInTime.resolve("oldest", configuration.getOldest(), now);
        return oldest != null ? oldest : now.getEpochSecond();
    }

    /** Fails on action names Slack does not know, naming the closest valid ones; only warns if Slack is unreachable. */
    private void checkActionNames() {
        if (actions.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        try {
            client.fetchActions().values().forEach(known::addAll);
        } catch (RuntimeException e) {
            LOG.warn("Could not check the action names against Slack's /actions ({}); reading without the check",
                     e.getMessage());
            return;
        }
        ActionNames.check(actions, known);
    }

    /**
     * What the idempotent repository vouches for: the default one belongs to the endpoint, and so does what it holds;
     * a user's in-memory one is followed from this start; any other is taken to keep every id.
     */
    private IdempotentCoverage idempotentCoverage() {
        if (configuration.getIdempotentRepository() == null) {
            return getEndpoint().defaultIdempotentCoverage();
        }
        return idempotentRepository instanceof MemoryIdempotentRepository memory
                ? IdempotentCoverage.remembering(memory.getMaxCacheSize()) : IdempotentCoverage.unbounded();
    }

    /** The first second whose events this consumer delivers from {@code position} on (those after are new for sure). */
    private static long firstUndelivered(Position position) {
        return Math.max(position.deliveredUpTo() + 1, position.checkpoint() + (position.after() != null ? 1 : 0));
    }

    /**
     * The recheck, with its own planner (windows of about a page, so that one never holds a poll up for long), reader
     * and delivery, moving its own position under {@code <checkpoint key>.recheck}; none for a bounded export.
     */
    private Recheck createRecheck(LogsQuery query) {
        if (configuration.getRecheck().isZero() || configuration.getLatest() != null) {
            return null;
        }
        int limit = configuration.getLimit();
        WindowPlanner recheckPlanner = new WindowPlanner(configuration.getLag(), configuration.getOverlap(), null, null,
                                                         limit, limit);
        WindowReader recheckReader = new WindowReader(new LogsPager(client), query, actions,
                                                      recheckPlanner, spoolDirectory(), IN_MEMORY_EVENTS);
        CheckpointStore recheckStore = new CheckpointStore(stateRepository, checkpointStore.key() + ".recheck");
        WindowDelivery recheckDelivery = new WindowDelivery(this, idempotentRepository, this::idempotentKey,
                                                            recheckStore, statistics, configuration.getBatchSize(),
                                                            overlapEvents -> {
                                                            }, () -> {
                                                            }, Position.start(0))
                .onDelivered((event, beforeStart, readAt) -> delivered(event, true, readAt, "the recheck"));
        return new Recheck(configuration.getRecheck(), configuration.getRecheckInterval(), configuration.getOverlap(),
                           Duration.ofMillis(getEndpoint().getDelay()), limit, planner, recheckReader,
                           recheckDelivery, recheckStore, client.statistics());
    }

    /**
     * Every event delivered: its id is in the idempotent repository now; one an earlier read did not see was indexed
     * late, and how late is recorded, with a WARN when that is later than lag plus overlap.
     */
    private void delivered(AuditLogEntry event, boolean late, long readAt, String foundBy) {
        // an overlap event before what the repository vouches for (an in-memory one, empty after a restart) may have
        // been delivered by the previous run: new to the repository, but not late. Asked only for the rare late
        // event, and before this one's id counts, as it may move what the repository vouches for
        boolean lateAndVouched = late && event.getDateCreate() >= vouchedFrom();
        coverage.added(event.getDateCreate());
        if (!lateAndVouched) {
            return;
        }
        long seconds = Math.max(0, readAt - event.getDateCreate());
        lateness.record(seconds);
        Duration tolerated = configuration.getLag().plus(configuration.getOverlap());
        if (seconds > tolerated.toSeconds()) {
            lateSinceWarn++;
            long millis = System.currentTimeMillis();
            if (lateWarnedAt == 0 || millis - lateWarnedAt >= LATE_WARN_INTERVAL_MILLIS) {
                LOG.warn("Slack indexed an event {} late, later than lag + overlap ({}): {} found it ({} {}, date_create"
                         + " {}; {} such events since the last such WARN). An event later than recheck ({}) is never"
                         + " delivered: if such figures come close to it, raise recheck. JMX LatenessMaxSeconds and"
                         + " LatenessP99Seconds, and the slack.auditlogs.lateness meter, show the figures",
                         Duration.ofSeconds(seconds), tolerated, foundBy, event.getAction(), event.getId(),
                         Instant.ofEpochSecond(event.getDateCreate()), lateSinceWarn, configuration.getRecheck());
                lateWarnedAt = millis;
                lateSinceWarn = 0;
            }
        }
    }

    @Override
    protected int poll() throws Exception {
        try {
            int delivered = readAndDeliver();
            if (recheck != null && caughtUp && isRunAllowed() && !isSuspendingOrSuspended()) {
                delivered += recheckOnce();
            }
            return delivered;
        } catch (Exception e) {
            statistics.pollFailed();
            throw e;
        }
    }

    /** The first second from which the idempotent repository holds the id of every event delivered. */
    private long vouchedFrom() {
        long vouchedFrom = coverage.vouchedFrom();
        if (idempotentRepository instanceof ForgettingIdempotentRepository forgetting) {
            vouchedFrom = Math.max(vouchedFrom, forgetting.remembersFrom());
        }
        return vouchedFrom;
    }

    /** Reads at most one window of the recheck, once the live windows are caught up (see {@link Recheck}). */
    private int recheckOnce() throws Exception {
        long deliveredBefore = statistics.eventsDelivered();
        long now = serverNow();
        try {
            recheck.step(now, delivery.position().checkpoint(), vouchedFrom());
        } catch (CheckpointStore.ConflictException e) {
            recheck.reloadLater();
            throw e;
        }
        checkRecheckFits(now);
        return (int) (statistics.eventsDelivered() - deliveredBefore);
    }

    /** Warns once if the in-memory idempotent repository forgot ids a recheck would need. */
    private void checkRecheckFits(long now) {
        long span = configuration.getRecheck().toSeconds();
        long covered = now - coverage.vouchedFrom();
        if (capacityWarned || !coverage.forgot() || covered >= span) {
            return;
        }
        capacityWarned = true;
        long perHour = coverage.capacity() * 3600 / Math.max(1, covered);
        LOG.warn("The in-memory idempotent repository holds the last {} ids delivered, the events since {} ({} at"
                 + " about {} events an hour), less than recheck ({}): rechecks read no further back, so that no event"
                 + " is delivered twice. Set idempotentRepository to a persistent repository that holds at least {}"
                 + " ids (e.g. a JdbcMessageIdRepository), or set recheck to {} or less to silence this",
                 coverage.capacity(), Instant.ofEpochSecond(coverage.vouchedFrom()), Duration.ofSeconds(covered),
                 perHour, configuration.getRecheck(), perHour * span / 3600, Duration.ofSeconds(covered));
    }

    private int readAndDeliver() throws Exception {
        long deliveredBefore = statistics.eventsDelivered();
        caughtUp = false;
        boolean clockCorrected = false;
        // suspended (the first step of a graceful shutdown): no next window, as WindowDelivery stops within one
        while (isRunAllowed() && !isSuspendingOrSuspended()) {
            applyPendingReset();
            Position position = delivery.position();
            if (planner.exportComplete(position.checkpoint())) {
                logExportComplete(position);
                break;
            }
            long now = serverNow();
            Window window = planner.next(position.checkpoint(), position.deliveredUpTo(), overlapNeeded(position), now,
                                         reader.aheadFrom(), reader.aheadTo());
            if (window == null) {
                statistics.caughtUp(true);
                caughtUp = true;
                break;
            }
            ReadWindow read;
            try {
                read = reader.read(window, now);
            } catch (SlackAuditLogsException e) {
                if (!INVALID_RANGE.equals(e.getErrorCode())) {
                    throw e;
                }
                if (!clockCorrected && window.to() > serverNow()) {
                    // the local clock runs ahead of Slack's: its answer told us Slack's time, so plan again with it
                    clockCorrected = true;
                    LOG.info("Slack refused a range ending in its future (invalid_range): Slack's clock is {} ms from"
                             + " this machine's; planning with Slack's time", client.serverClock().offsetMillis());
                    continue;
                }
                backAwayFromTheFuture(window, now, e);
                continue;
            }
            if (rangeClockMargin.accepted()) {
                LOG.warn("Slack refused ranges ending at now minus lag (invalid_range), though its Date header ({} ms"
                         + " from this machine's clock) puts them in its past: the clock that checks ranges runs behind"
                         + " it. Reading up to now minus lag minus {} s from now on: events arrive that much later, none"
                         + " is lost. A proxy in front of Slack may be stamping Date with its own clock",
                         client.serverClock().offsetMillis(), rangeClockMargin.seconds());
            }
            forceConsumerAsReady();
            if (read == null) {
                continue; // too many events for one window: the planner has narrowed the next
            }
            try (read) {
                if (!delivery.deliver(read)) {
                    break;
                }
            } catch (CheckpointStore.ConflictException e) {
                reloadPosition = true; // the failed poll logs why; the next one continues from what the other stored
                throw e;
            }
            readTimeUnknown = false;
            planner.delivered(window, read.range().size());
            if (recheck != null) {
                recheck.observed(window, read.range().size());
            }
            LOG.debug("Window {}..{} delivered; checkpoint {}, {} pages so far ({})", window.from(), window.to(),
                      delivery.position().checkpoint(), client.statistics().getPages(), checkpointStore.key());
            statistics.caughtUp(window.to() >= planner.horizon(now));
            if (window.to() >= planner.horizon(now)) {
                caughtUp = true;
                break;
            }
        }
        return (int) (statistics.eventsDelivered() - deliveredBefore);
    }

    /**
     * Slack refused {@code window}, planned at {@code now}, though its {@code Date} header puts it in the past: if a
     * clock behind the header's could explain it, moves the horizon one step further back (the caller plans again);
     * otherwise rethrows the refusal, which then lies with the range itself.
     */
    private void backAwayFromTheFuture(Window window, long now, SlackAuditLogsException refusal) {
        if (!rangeClockMargin.mayExplain(window.from(), window.to(), now + rangeClockMargin.seconds())) {
            throw refusal;
        }
        if (!rangeClockMargin.backAway()) {
            throw new SlackAuditLogsException("Slack refused every range ending up to " + RangeClockMargin.CAP_SECONDS
                                              + " s before now minus lag, though its Date header ("
                                              + client.serverClock().offsetMillis() + " ms from this machine's clock)"
                                              + " puts them in its past: the clock that checks ranges runs more than"
                                              + " that behind it, or Slack refuses the range for another reason. Check"
                                              + " the clock of any proxy in front of Slack (it may stamp Date) and this"
                                              + " machine's (NTP) (invalid_range, HTTP " + refusal.getHttpResponseCode()
                                              + ")", INVALID_RANGE, refusal.getHttpResponseCode(), refusal.isFatal(),
                                              refusal);
        }
        LOG.debug("Slack refused {}..{} (invalid_range) though its Date header puts it in the past; reading up to {} s"
                  + " further back", window.from(), window.to(), rangeClockMargin.seconds());
    }

    private void logProgress() {
        statistics.logProgress(delivery.position().checkpoint(), planner.horizon(serverNow()),
                               configuration.getLatest() != null, checkpointStore.key(), client.statistics());
    }

    /** Slack's time by its Date header, minus the margin its range check has needed (the horizon is lag before it). */
    private long serverNow() {
        return client.serverClock().now().getEpochSecond() - rangeClockMargin.seconds();
    }

    /** Whether the events just before the checkpoint may have been indexed after they were read: then read them again. */
    private boolean overlapNeeded(Position position) {
        if (position.readAt() == null) {
            return readTimeUnknown;
        }
        return planner.mayMissLateEvents(position.checkpoint() - 1, position.readAt());
    }

    private void logExportComplete(Position position) {
        if (!exportCompleteLogged) {
            LOG.info("The checkpoint {} has passed latest={}: the export is complete and this consumer stops fetching",
                     Instant.ofEpochSecond(position.checkpoint()), configuration.getLatest());
            exportCompleteLogged = true;
        }
        forceConsumerAsReady();
    }

    /** Warns once if the overlap holds more events than an in-memory idempotent repository remembers. */
    private void checkOverlapFits(long overlapEvents) {
        int capacity = configuration.getIdempotentRepository() == null
                ? SlackAuditLogsEndpoint.DEFAULT_IDEMPOTENT_CACHE_SIZE
                : idempotentRepository instanceof MemoryIdempotentRepository memory ? memory.getMaxCacheSize() : 0;
        if (!overlapWarned && capacity > 0 && overlapEvents > capacity) {
            overlapWarned = true;
            LOG.warn("The overlap of {} held {} events, more than the in-memory idempotent repository remembers ({}):"
                     + " some may be delivered twice. Set idempotentRepository to a larger or persistent repository,"
                     + " or shorten overlap", configuration.getOverlap(), overlapEvents, capacity);
        }
    }

    /**
     * The event's key in the idempotent repository. In a repository the user gives, it is prefixed with the checkpoint
     * key: two consumers sharing one (say, one per action filter) must not take each other's deliveries for their
     * own. The default repository belongs to this endpoint alone and takes the bare key.
     */
    private String idempotentKey(AuditLogEntry event) {
        return configuration.getIdempotentRepository() == null
                ? event.getDedupeKey() : checkpointStore.key() + "/" + event.getDedupeKey();
    }

    private void applyPendingReset() {
        Long reset = pendingReset.getAndSet(null);
        if (reset != null) {
            // events after the new checkpoint are delivered again: that is what a reset into the past is for
            reader.discardAhead();
            delivery.moveTo(Position.start(reset), true);
            if (recheck != null) {
                recheck.checkpointReset(reset, serverNow());
            }
            readTimeUnknown = false;
            statistics.backfillFrom(reset);
            LOG.info("Checkpoint reset to {}", Instant.ofEpochSecond(reset));
        } else if (reloadPosition) {
            // another consumer wrote the position: continue from what it stored
            reader.discardAhead();
            Position stored = checkpointStore.read();
            delivery.moveTo(stored != null ? stored : delivery.position(), false);
            if (stored != null) {
                coverage.notBefore(firstUndelivered(stored)); // another consumer delivered up to there
            }
            readTimeUnknown = stored != null && stored.readAt() == null;
            reloadPosition = false;
        }
    }

    // ---- JMX: each attribute reads one number of the statistics, the position or the client -----------------------

    private long checkpointSecond() {
        return delivery == null ? 0 : delivery.position().checkpoint();
    }

    @ManagedAttribute(description = "First second not yet delivered (ISO-8601): every event before it was delivered")
    public String getCheckpoint() {
        Long reset = pendingReset.get(); // an operator's reset shows at once, though the next poll applies it
        return Instant.ofEpochSecond(reset != null ? reset : checkpointSecond()).toString();
    }

    @ManagedAttribute(description = "Whether the checkpoint has passed the latest option: a bounded export is complete")
    public boolean isExportComplete() {
        return planner != null && planner.exportComplete(checkpointSecond());
    }

    @ManagedAttribute(description = "Seconds between the checkpoint and now")
    public long getSecondsBehind() {
        return delivery == null ? 0 : Math.max(0, serverNow() - checkpointSecond());
    }

    @ManagedAttribute(description = "Events delivered since the consumer started")
    public long getEventsDelivered() {
        return statistics.eventsDelivered();
    }

    @ManagedAttribute(description = "Polls that ended with an error (each is retried at the next poll)")
    public long getFailedPolls() {
        return statistics.failedPolls();
    }

    @ManagedAttribute(description = "Backfill progress in percent: how far the checkpoint has come from where reading"
                                    + " started towards now minus lag (or latest); 100 when caught up")
    public int getBackfillProgress() {
        return planner == null ? 0 : statistics.backfillPercent(checkpointSecond(), planner.horizon(serverNow()));
    }

    @ManagedAttribute(description = "Events found late (by a recheck, or in the overlap) since the consumer started")
    public long getLateEvents() {
        return lateness.count();
    }

    @ManagedAttribute(description = "The largest lateness of an event found late, in seconds: when the consumer first"
                                    + " could see it minus its date_create")
    public long getLatenessMaxSeconds() {
        return lateness.maxSeconds();
    }

    @ManagedAttribute(description = "The 99th percentile of the lateness of the last 10,000 events found late, in"
                                    + " seconds")
    public long getLatenessP99Seconds() {
        return lateness.p99Seconds();
    }

    @ManagedAttribute(description = "HTTP requests sent to Slack by rechecks (included in Requests)")
    public long getRecheckRequests() {
        return recheck == null ? 0 : recheck.requests();
    }

    @ManagedAttribute(description = "The first second the recheck under way has not read again (ISO-8601); empty"
                                    + " between rechecks")
    public String getRecheckCheckpoint() {
        Long second = recheck == null ? null : recheck.passCheckpoint();
        return second == null ? "" : Instant.ofEpochSecond(second).toString();
    }

    /** The figures behind the lateness attributes, for the Micrometer distribution. */
    public LatenessStatistics lateness() {
        return lateness;
    }

    @ManagedAttribute(description = "Pages of /logs read")
    public long getPagesFetched() {
        return client == null ? 0 : client.statistics().getPages();
    }

    @ManagedAttribute(description = "HTTP requests sent to Slack, retries included")
    public long getRequests() {
        return client == null ? 0 : client.statistics().getRequests();
    }

    @ManagedAttribute(description = "HTTP 429 answers received")
    public long getRateLimitedCount() {
        return client == null ? 0 : client.statistics().getRateLimited();
    }

    @ManagedAttribute(description = "Total time waited for Retry-After, in milliseconds")
    public long getRateLimitWaitMillis() {
        return client == null ? 0 : client.statistics().getRateLimitWaitMillis();
    }

    @ManagedAttribute(description = "Requests repeated after a transient failure")
    public long getRetries() {
        return client == null ? 0 : client.statistics().getRetries();
    }

    @ManagedAttribute(description = "The last error: Slack's code, an HTTP status or an exception name")
    public String getLastErrorCode() {
        return client == null ? null : client.statistics().getLastErrorCode();
    }

    @ManagedOperation(description = "Moves the checkpoint to the oldest option (e.g. to read history again); the next"
                                    + " window starts there")
    public void resetCheckpoint() {
        pendingReset.set(startOf(Instant.now()));
    }

    @ManagedOperation(description = "Moves the checkpoint to a point in time: Unix seconds, an ISO-8601 instant or date,"
                                    + " or a duration meaning that long ago (P7D)")
    public void resetCheckpointTo(String pointInTime) {
        if (pointInTime == null || pointInTime.isBlank()) {
            throw new IllegalArgumentException("resetCheckpointTo needs a point in time, e.g. 2026-11-01T00:00:00Z or P7D");
        }
        pendingReset.set(PointInTime.resolve("checkpoint", pointInTime, Instant.now()));
    }
}
