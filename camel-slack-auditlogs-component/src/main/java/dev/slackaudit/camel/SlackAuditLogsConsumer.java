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
import dev.slackaudit.camel.consumer.DeliveredIds;
import dev.slackaudit.camel.consumer.RangeClockMargin;
import dev.slackaudit.camel.consumer.Recheck;
import dev.slackaudit.camel.consumer.WindowDelivery;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.consumer.WindowPlanner;
import dev.slackaudit.camel.consumer.WindowReader.ReadWindow;
import dev.slackaudit.camel.consumer.WindowReader;
import dev.slackaudit.camel.management.ConsumerStatistics;
import dev.slackaudit.camel.management.LateEventLog;
import dev.slackaudit.camel.management.LatenessStatistics;
import dev.slackaudit.camel.options.ActionNames;
import dev.slackaudit.camel.options.PointInTime;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code GET /logs} window by window and emits one exchange per audit event (or per batch of up to
 * {@code batchSize} events of one window), oldest first (docs/architecture.md).
 * <p>
 * Each poll is a short loop over parts in classes of their own (package {@code consumer}): the {@link WindowPlanner}
 * decides what to read next, the {@link WindowReader} reads it (every page, to disk when large), and the
 * {@link WindowDelivery} sends its events through the route, puts their ids in the idempotent repository
 * ({@link DeliveredIds}) and records the position in the {@link CheckpointStore}. A poll that is behind reads window
 * after window until it has caught up with now minus {@code lag} on Slack's clock (less the {@link RangeClockMargin}
 * if Slack's range check runs behind its {@code Date} header); once caught up, the {@link Recheck} reads one window of
 * its second look for events indexed late. {@link ConsumerStatistics} and the {@link LateEventLog} (package
 * {@code management}) keep the numbers the JMX attributes below show.
 * <p>
 * A plain {@link ScheduledPollConsumer} rather than a batch consumer: the unit of commit is the window's position,
 * and processing synchronously lets the consumer stop cleanly between two events when the route stops.
 * <p>
 * Over 300 lines because of its JMX surface: Camel's ManagedConsumer exposes a consumer's own annotated members, so
 * the 19 attributes and operations at the end (about 120 lines) live here, each reading one figure of the parts above.
 */
@ManagedResource(description = "Slack Audit Logs consumer")
public class SlackAuditLogsConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);
    /** Events a window keeps in the heap before its pages go to disk; 20,000 fit a 128 MB heap with room to spare. */
    private static final int IN_MEMORY_EVENTS = 20_000;
    private static final String INVALID_RANGE = "invalid_range";

    private final SlackAuditLogsConfiguration configuration;
    private final ConsumerStatistics statistics = new ConsumerStatistics();
    private final LateEventLog lateEvents;
    /** Which warn-once WARNs about the idempotent repository were given: kept across a stop and start in place. */
    private final DeliveredIds.Warned idsWarned = new DeliveredIds.Warned();
    private final AtomicReference<Long> pendingReset = new AtomicReference<>();

    private SlackAuditLogsClient client;
    private List<String> actions;
    private WindowPlanner planner;
    private WindowReader reader;
    private WindowDelivery delivery;
    private CheckpointStore checkpointStore;
    /** Whether this consumer holds the claim on its checkpoint key: one refused it must not release another's. */
    private boolean checkpointClaimed;
    private RangeClockMargin rangeClockMargin;
    /** The second look for events indexed later than lag plus overlap; {@code null} when recheck is 0 or latest set. */
    private Recheck recheck;
    private DeliveredIds ids;
    private boolean caughtUp;
    private StateRepository<String, String> stateRepository;
    /** Resumed from a position stored without its read time (an older version, or edited by hand): assume recent. */
    private boolean readTimeUnknown;
    private boolean reloadPosition;
    private boolean exportCompleteLogged;

    public SlackAuditLogsConsumer(SlackAuditLogsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.lateEvents = new LateEventLog(configuration);
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

        // the in-memory default belongs to the endpoint, so a route restart (which creates a new consumer) resumes; a
        // repository the user gave us is started if nobody did, and then left to the CamelContext to stop: stopping it
        // here would clear a shared in-memory one under the other routes that use it. One the user started stays theirs.
        // The same goes for the idempotent repository (DeliveredIds).
        stateRepository = configuration.getStateRepository() != null
                ? configuration.getStateRepository() : getEndpoint().defaultStateRepository();
        if (configuration.getStateRepository() != null && !ServiceHelper.isStarted(stateRepository)
                && !getEndpoint().getCamelContext().hasService(stateRepository)) {
            getEndpoint().getCamelContext().addService(stateRepository, true, true);
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
        ids = DeliveredIds.of(configuration, getEndpoint().defaultDeliveredIds(), checkpointStore.key(),
                              getEndpoint().getCamelContext(), idsWarned);
        component().claimCheckpoint(stateRepository, checkpointStore.key());
        checkpointClaimed = true;
        Position stored = checkpointStore.read();
        Position position = stored != null ? stored : Position.start(startOf(now));
        readTimeUnknown = stored != null && stored.readAt() == null;
        delivery = new WindowDelivery(this, WindowDelivery.Role.LIVE, ids, checkpointStore, position);
        ids.resumedAt(position);
        recheck = Recheck.of(this, planner, reader, ids, checkpointStore, client.statistics());
        statistics.backfillFrom(position.checkpoint());
        statistics.reportProgressOf(() -> planner.horizon(serverNow()), configuration.getLatest() != null,
                                    checkpointStore.key(), client.statistics());
        LOG.info("Reading Slack audit events from {} ({}; checkpoint key {})", Instant.ofEpochSecond(position.checkpoint()),
                 stored != null ? "stored checkpoint" : "oldest=" + configuration.getOldest(), checkpointStore.key());
        if (stored != null) {
            ids.warnIfEmptyAfterRestart(position, overlapNeeded(position), recheck != null, now.getEpochSecond());
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
        if (ids != null && delivery != null) {
            ids.stoppedAt(delivery.position().checkpoint());
        }
        if (checkpointClaimed) {
            component().releaseCheckpoint(stateRepository, checkpointStore.key());
            checkpointClaimed = false;
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

    /** Reads at most one window of the recheck, once the live windows are caught up (see {@link Recheck}). */
    private int recheckOnce() throws Exception {
        long deliveredBefore = statistics.eventsDelivered();
        long now = serverNow();
        try {
            recheck.step(now, delivery.position().checkpoint(), ids.vouchedFrom());
        } catch (CheckpointStore.ConflictException e) {
            recheck.reloadLater();
            throw e;
        }
        ids.checkRecheckFits(now);
        return (int) (statistics.eventsDelivered() - deliveredBefore);
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
                rangeClockMargin.refused(window, now, e, client.serverClock().offsetMillis());
                continue;
            }
            rangeClockMargin.rangeAccepted(client.serverClock().offsetMillis());
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
                ids.movedElsewhere(stored);
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
        return lateEvents.lateness().count();
    }

    @ManagedAttribute(description = "The largest lateness of an event found late, in seconds: when the consumer first"
                                    + " could see it minus its date_create")
    public long getLatenessMaxSeconds() {
        return lateEvents.lateness().maxSeconds();
    }

    @ManagedAttribute(description = "The 99th percentile of the lateness of the last 10,000 events found late, in"
                                    + " seconds")
    public long getLatenessP99Seconds() {
        return lateEvents.lateness().p99Seconds();
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
        return lateEvents.lateness();
    }

    /** The counters behind the JMX attributes, which the deliveries count into. */
    public ConsumerStatistics statistics() {
        return statistics;
    }

    /** The events found late, which the deliveries report. */
    public LateEventLog lateEvents() {
        return lateEvents;
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
