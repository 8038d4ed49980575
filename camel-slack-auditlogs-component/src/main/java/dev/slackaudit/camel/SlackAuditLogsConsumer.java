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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.slackaudit.camel.WindowPlanner.Window;
import dev.slackaudit.camel.client.ClientStatistics;
import dev.slackaudit.camel.client.LogsPager;
import dev.slackaudit.camel.client.LogsQuery;
import dev.slackaudit.camel.client.SlackAuditLogsClient;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
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
 * Polls {@code GET /logs} window by window and emits one exchange per audit event, oldest first (DESIGN §4).
 * <p>
 * A poll reads one window completely (every page, every action group), drops events already delivered, and sends the
 * rest through the route one by one, synchronously, so it knows each outcome. Only when every event of the window
 * went through does the checkpoint move past the window; an event that still fails after the route's error handling
 * stops the window, and the next poll reads it again. A poll that is behind reads window after window until it has
 * caught up with now minus {@code lag}.
 * <p>
 * A plain {@link ScheduledPollConsumer} rather than a batch consumer: the unit of commit is the window, and processing
 * it synchronously lets the consumer stop cleanly between two events when the route stops.
 */
@ManagedResource(description = "Slack Audit Logs consumer")
public class SlackAuditLogsConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);
    private static final int MAX_CURSOR_RESTARTS = 3;
    private static final long PROGRESS_LOG_INTERVAL_MILLIS = 5_000;

    private final SlackAuditLogsConfiguration configuration;
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private final AtomicReference<Long> pendingReset = new AtomicReference<>();

    private SlackAuditLogsClient client;
    private LogsPager pager;
    private LogsQuery query;
    private List<String> actions;
    private WindowPlanner planner;
    private CheckpointStore checkpointStore;
    private StateRepository<String, String> stateRepository;
    private IdempotentRepository idempotentRepository;

    private volatile long checkpoint;
    /** Events dated up to this second may have been delivered already; later ones are new for sure. */
    private long deliveredUpTo;
    /** Whether events just before the checkpoint may have been indexed after they were read: then read them again. */
    private boolean overlapNeeded;
    private long spanSeconds;
    private long backfillFrom;
    private long lastProgressLog;
    private boolean exportCompleteLogged;
    private boolean overlapWarned;
    private long overlapEvents;

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
        pager = new LogsPager(client, MAX_CURSOR_RESTARTS);
        actions = getEndpoint().actionNames();
        query = new LogsQuery(null, null, configuration.getLimit(), List.of(), blankToNull(configuration.getActor()),
                              blankToNull(configuration.getEntity()));
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
        planner = new WindowPlanner(configuration.getLag(), configuration.getOverlap(),
                                    PointInTime.resolve("latest", configuration.getLatest(), now));
        checkpointStore = new CheckpointStore(stateRepository, getEndpoint().checkpointKey());
        component().claimCheckpoint(stateRepository, checkpointStore.key());
        Long stored = checkpointStore.read();
        Long inflight = checkpointStore.readInflight();
        overlapNeeded = stored != null; // read at an unknown time: assume recently
        checkpoint = stored != null ? stored : startOf(now);
        deliveredUpTo = Math.max(checkpoint - 1, inflight != null ? inflight : Long.MIN_VALUE);
        backfillFrom = checkpoint;
        spanSeconds = configuration.getWindowSize().toSeconds();
        LOG.info("Reading Slack audit events from {} ({}; checkpoint key {})", Instant.ofEpochSecond(checkpoint),
                 stored != null ? "stored checkpoint" : "oldest=" + configuration.getOldest(), checkpointStore.key());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (checkpointStore != null) {
            component().releaseCheckpoint(stateRepository, checkpointStore.key());
        }
    }

    private SlackAuditLogsComponent component() {
        return (SlackAuditLogsComponent) getEndpoint().getComponent();
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
            return readAndDeliver();
        } catch (Exception e) {
            failedPolls.incrementAndGet();
            throw e;
        }
    }

    private int readAndDeliver() throws Exception {
        long deliveredBefore = eventsDelivered.get();
        while (isRunAllowed()) {
            applyPendingReset();
            if (planner.exportComplete(checkpoint)) {
                if (!exportCompleteLogged) {
                    LOG.info("The checkpoint {} has passed latest={}: the export is complete and this consumer stops"
                             + " fetching", Instant.ofEpochSecond(checkpoint), configuration.getLatest());
                    exportCompleteLogged = true;
                }
                forceConsumerAsReady();
                break;
            }
            long now = Instant.now().getEpochSecond();
            Window window = planner.next(checkpoint, overlapNeeded, now, spanSeconds);
            if (window == null) {
                break;
            }
            overlapEvents = 0;
            LogsPager.Range range = pager.read(query.withRange(window.from(), window.to()), actions,
                    window.span() > 1 ? configuration.getMaxEventsPerWindow() : 0, this::alreadyDelivered);
            forceConsumerAsReady();
            checkOverlapFits();
            if (!range.complete()) {
                // too many events to hold: read a narrower window instead (a single second is never split)
                spanSeconds = Math.max(1, window.span() / 2);
                LOG.debug("Window {}..{} holds more than {} events; narrowing it to {} s", window.from(), window.to(),
                          configuration.getMaxEventsPerWindow(), spanSeconds);
                continue;
            }
            List<AuditLogEntry> events = new ArrayList<>(range.entries());
            events.sort(Comparator.comparingLong(AuditLogEntry::getDateCreate)
                    .thenComparing(AuditLogEntry::getDedupeKey));
            if (!events.isEmpty() && window.to() > deliveredUpTo) {
                checkpointStore.beginWindow(window.to());
                deliveredUpTo = window.to();
            }
            if (!deliver(events, window)) {
                break;
            }
            commit(window);
            overlapNeeded = planner.mayMissLateEvents(window, now);
            spanSeconds = nextSpan(events.size(), window.span());
            logProgress(window, events.size(), now);
            if (window.to() >= planner.horizon(now)) {
                break;
            }
        }
        return (int) (eventsDelivered.get() - deliveredBefore);
    }

    /**
     * Sizes the next window from the density of the last one, aiming at nine tenths of maxEventsPerWindow: dense
     * history gets windows whose pages are full (requests are the scarce resource), sparse history grows back to
     * windowSize, and a burst that overflows the cap still narrows the window by halving.
     */
    private long nextSpan(int events, long span) {
        long windowSize = configuration.getWindowSize().toSeconds();
        if (events == 0) {
            return windowSize;
        }
        long next = (long) (0.9 * configuration.getMaxEventsPerWindow() * span / events);
        return Math.max(1, Math.min(windowSize, next));
    }

    /**
     * Whether an event was delivered before. Only events up to {@link #deliveredUpTo} can have been (the overlap, and
     * a window whose delivery was interrupted), so only they cost a lookup in the idempotent repository.
     */
    private boolean alreadyDelivered(AuditLogEntry entry) {
        if (entry.getDateCreate() < checkpoint) {
            overlapEvents++;
        }
        return entry.getDateCreate() <= deliveredUpTo && idempotentRepository.contains(idempotentKey(entry));
    }

    /** Warns once if the overlap holds more events than an in-memory idempotent repository remembers. */
    private void checkOverlapFits() {
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
     * Sends the window's events through the route, oldest first (those delivered before were dropped while reading).
     *
     * @return false if the route is stopping and the window was left unfinished (the checkpoint must not move)
     */
    private boolean deliver(List<AuditLogEntry> events, Window window) throws Exception {
        for (AuditLogEntry event : events) {
            if (!isRunAllowed()) {
                return false;
            }
            String key = idempotentKey(event);
            Exchange exchange = createExchange(false);
            try {
                populate(exchange.getIn(), event);
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                if (exchange.isFailed() || exchange.isRollbackOnly()) {
                    throw new RuntimeCamelException("Event " + event.getDedupeKey() + " (" + event.getAction() + " at "
                                                    + event.getDateCreateInstant() + ") failed after the route's"
                                                    + " error handling; the checkpoint stays at "
                                                    + Instant.ofEpochSecond(checkpoint) + " and the next poll delivers"
                                                    + " the window from " + Instant.ofEpochSecond(window.from())
                                                    + " again", exchange.getException());
                }
                idempotentRepository.add(key);
                eventsDelivered.incrementAndGet();
            } finally {
                releaseExchange(exchange, false);
            }
        }
        return true;
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

    private void commit(Window window) {
        if (pendingReset.get() != null) {
            return; // reset by an operator while this window was being delivered: the reset wins
        }
        checkpoint = window.to() + 1;
        checkpointStore.commit(checkpoint, deliveredUpTo);
    }

    static void populate(Message message, AuditLogEntry event) {
        message.setBody(event);
        setIfPresent(message, SlackAuditLogsConstants.ID, event.getId());
        setIfPresent(message, SlackAuditLogsConstants.ACTION, event.getAction());
        message.setHeader(SlackAuditLogsConstants.DATE_CREATE, event.getDateCreate());
        message.setHeader(SlackAuditLogsConstants.TIMESTAMP, Date.from(event.getDateCreateInstant()));
        setIfPresent(message, SlackAuditLogsConstants.ACTOR_ID, event.getActorId());
        setIfPresent(message, SlackAuditLogsConstants.ENTITY_TYPE, event.getEntityType());
        setIfPresent(message, SlackAuditLogsConstants.ENTITY_ID, event.getEntityId());
        setIfPresent(message, SlackAuditLogsConstants.LOCATION_ID, event.getLocationId());
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    private void logProgress(Window window, int events, long now) {
        long horizon = planner.horizon(now);
        boolean catchingUp = window.to() < horizon;
        long millis = System.currentTimeMillis();
        if (catchingUp && millis - lastProgressLog >= PROGRESS_LOG_INTERVAL_MILLIS) {
            lastProgressLog = millis;
            int percent = backfillPercent(now);
            ClientStatistics statistics = client.statistics();
            LOG.info(String.format("backfill %d%% %s of %s..%s, %,d events, %,d pages (%s)", percent,
                    Instant.ofEpochSecond(window.to() + 1), Instant.ofEpochSecond(backfillFrom),
                    configuration.getLatest() != null ? Instant.ofEpochSecond(horizon) : "now",
                    eventsDelivered.get(), statistics.getPages(), checkpointStore.key()));
        } else {
            LOG.debug("Window {}..{}: {} events delivered; checkpoint {} ({})", Instant.ofEpochSecond(window.from()),
                      Instant.ofEpochSecond(window.to()), events, Instant.ofEpochSecond(checkpoint), checkpointStore.key());
        }
    }

    /** How far the checkpoint has come from where this backfill started towards the newest second readable now. */
    private int backfillPercent(long now) {
        long horizon = planner.horizon(now);
        long total = horizon - backfillFrom;
        if (total <= 0) {
            return 100;
        }
        return (int) Math.min(100, Math.max(0, (checkpoint - backfillFrom) * 100 / total));
    }

    private void applyPendingReset() {
        Long reset = pendingReset.getAndSet(null);
        if (reset != null) {
            // events after the new checkpoint are delivered again: that is what a reset into the past is for
            checkpoint = reset;
            deliveredUpTo = reset - 1;
            overlapNeeded = false;
            backfillFrom = reset;
            spanSeconds = configuration.getWindowSize().toSeconds();
            checkpointStore.commit(reset, deliveredUpTo);
            LOG.info("Checkpoint reset to {}", Instant.ofEpochSecond(reset));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // ---- JMX ---------------------------------------------------------------------------------------------------

    @ManagedAttribute(description = "First second not yet delivered (ISO-8601): every event before it was delivered")
    public String getCheckpoint() {
        Long reset = pendingReset.get(); // an operator's reset shows at once, though the next poll applies it
        return Instant.ofEpochSecond(reset != null ? reset : checkpoint).toString();
    }

    @ManagedAttribute(description = "Whether the checkpoint has passed the latest option: a bounded export is complete")
    public boolean isExportComplete() {
        return planner != null && planner.exportComplete(checkpoint);
    }

    @ManagedAttribute(description = "Seconds between the checkpoint and now")
    public long getSecondsBehind() {
        return Math.max(0, Instant.now().getEpochSecond() - checkpoint);
    }

    @ManagedAttribute(description = "Events delivered since the consumer started")
    public long getEventsDelivered() {
        return eventsDelivered.get();
    }

    @ManagedAttribute(description = "Polls that ended with an error (each is retried at the next poll)")
    public long getFailedPolls() {
        return failedPolls.get();
    }

    @ManagedAttribute(description = "Backfill progress in percent: how far the checkpoint has come from where reading"
                                    + " started towards now minus lag (or latest); 100 when caught up")
    public int getBackfillProgress() {
        return planner == null ? 0 : backfillPercent(Instant.now().getEpochSecond());
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
