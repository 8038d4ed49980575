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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.slackaudit.camel.ForgettingIdempotentRepository;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.testing.LogCapture;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recheck (docs/late-events.md): events Slack indexed later than lag plus overlap are delivered by a second look,
 * once, through the usual path; it resumes after a restart, and never takes an event the idempotent repository has
 * forgotten for a late one. Short intervals: a recheck every 2 seconds, polls every 20 ms.
 */
class RecheckTest extends SimulatorTestSupport {

    /** Polls often and rechecks every 2 s: the budget, a share of one request per delay, pays for a pass in about 2 s. */
    private static final String FAST_RECHECKS = "delay=20&recheckInterval=2s";

    private final Instant historyStart = Instant.now().minus(Duration.ofHours(4));
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        // 300 events over the four hours that ended ten minutes ago
        return super.simulatorBuilder().seed(20).events(300)
                .timeSpan(historyStart, Instant.now().minus(Duration.ofMinutes(10)));
    }

    private void consume(String options) throws Exception {
        consume(options, new AtomicReference<>());
    }

    /** Starts the route; it stops itself (as an operator would, from another thread) after the event {@code stopAt}. */
    private void consume(String options, AtomicReference<String> stopAt) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri(options)).routeId("audit").process(exchange -> {
                    String id = exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class);
                    delivered.add(id);
                    if (id.equals(stopAt.get())) {
                        SlackAuditLogsConsumer consumer = auditConsumer();
                        new Thread(() -> stopRoute()).start();
                        // Camel's graceful stop suspends the consumer, then waits for this exchange
                        await().atMost(Duration.ofSeconds(10)).until(consumer::isSuspendingOrSuspended);
                    }
                });
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= simulator.eventCount());
    }

    private void stopRoute() {
        try {
            context.getRouteController().stopRoute("audit");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One event dated {@code ago} before now, added to Slack now: indexed that late. */
    private String indexedLate(Duration ago) {
        Instant dated = Instant.ofEpochSecond(Instant.now().minus(ago).getEpochSecond());
        return simulator.addGeneratedEvents(1, dated, dated).get(0);
    }

    /** Waits until {@code expected} arrived and two more rechecks ran, then checks nothing else arrived, nor twice. */
    private void assertDeliveredOnceEach(List<String> history, List<String> expected) {
        List<String> all = new ArrayList<>(history);
        all.addAll(expected);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.containsAll(all));
        long requests = auditConsumer().getRecheckRequests();
        await().atMost(Duration.ofSeconds(30)).until(() -> auditConsumer().getRecheckRequests() >= requests + 2);
        List<String> copy = List.copyOf(delivered);
        assertEquals(copy.size(), new HashSet<>(copy).size(), "an event delivered twice");
        assertEquals(Set.copyOf(all), Set.copyOf(copy), "the events delivered");
    }

    @Test
    void eventsIndexedHalfAnHourAndThreeHoursLateAreEachDeliveredOnce() throws Exception {
        consume("limit=1000&" + FAST_RECHECKS);
        List<String> history = List.copyOf(delivered);

        String halfAnHour = indexedLate(Duration.ofMinutes(30));
        String threeHours = indexedLate(Duration.ofHours(3));

        assertDeliveredOnceEach(history, List.of(halfAnHour, threeHours));
        assertEquals(2, auditConsumer().getLateEvents());
        long max = auditConsumer().getLatenessMaxSeconds();
        assertTrue(max >= Duration.ofHours(3).toSeconds() && max < Duration.ofHours(3).plusMinutes(1).toSeconds(),
                   max + " s");
    }

    @Test
    void eventsLaterThanLagPlusOverlapAreReportedWithTheFigureAndTheOption() throws Exception {
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            consume("limit=1000&" + FAST_RECHECKS);
            String late = indexedLate(Duration.ofMinutes(45));

            await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains(late));
            assertTrue(captured.text().contains("WARN Slack indexed an event PT45M"), captured.text());
            assertTrue(captured.text().contains("later than lag + overlap (PT6M): the recheck found it"), captured.text());
            assertTrue(captured.text().contains("raise recheck"), captured.text());
        }
    }

    @Test
    void aRestartDuringARecheckNeitherLosesNorRepeatsAnything() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("state", state);
        // pages of 200 events: the recheck reads the four hours in two windows, the first holding two late events
        AtomicReference<String> stopAt = new AtomicReference<>();
        consume("limit=200&stateRepository=#state&stateKey=audit&delay=20&recheckInterval=4s", stopAt);
        List<String> history = List.copyOf(delivered);
        List<String> late = List.of(indexedLate(Duration.ofHours(3)), indexedLate(Duration.ofHours(2)),
                                    indexedLate(Duration.ofHours(1)));

        // the route stops when the recheck has delivered the first late event, between it and the next
        stopAt.set(late.get(0));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> context.getRouteController().getRouteStatus("audit") == ServiceStatus.Stopped);
        String stopped = state.getState("audit.recheck");
        assertTrue(stopped.contains(" after=") && stopped.contains(" delivered="),
                   "a recheck stopped within a window: " + stopped);
        assertFalse(delivered.contains(late.get(1)), "the route stopped before the next late event");
        context.getRouteController().startRoute("audit");

        assertDeliveredOnceEach(history, late);
    }

    @Test
    void anInMemoryRepositoryTooSmallForTheRecheckDoesNotDeliverOldEventsAgain() throws Exception {
        // remembers the last 50 ids: the last forty minutes or so of the history
        context.getRegistry().bind("ids", MemoryIdempotentRepository.memoryIdempotentRepository(50));
        try (LogCapture captured = new LogCapture("%p %m%n")) {
            consume("limit=1000&idempotentRepository=#ids&" + FAST_RECHECKS);
            List<String> history = List.copyOf(delivered);
            String tooOld = indexedLate(Duration.ofHours(3));
            String recent = indexedLate(Duration.ofMinutes(8));

            // the recent one is delivered; the old one cannot be told from an event delivered long ago: it is not
            assertDeliveredOnceEach(history, List.of(recent));
            assertFalse(delivered.contains(tooOld), "an event older than the repository vouches for was delivered");
            assertTrue(captured.text().contains("WARN The in-memory idempotent repository holds the last 50 ids"
                                                + " delivered"), captured.text());
            assertTrue(captured.text().contains("Set idempotentRepository to a persistent repository that holds at"
                                                + " least"), captured.text());
        }
    }

    @Test
    void aRepositoryThatKeepsRecentIdsOnlyLimitsTheRecheckToWhatItRemembers() throws Exception {
        // as ExactlyOnceKafka does with its idsLookBack: every id, but vouched for from an hour ago only
        long remembersFrom = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        context.getRegistry().bind("recentIds", new RecentIds(remembersFrom));
        consume("limit=1000&idempotentRepository=#recentIds&" + FAST_RECHECKS);
        List<String> history = List.copyOf(delivered);
        String tooOld = indexedLate(Duration.ofHours(3));
        String recent = indexedLate(Duration.ofMinutes(30));

        assertDeliveredOnceEach(history, List.of(recent));
        assertFalse(delivered.contains(tooOld), "an event older than the repository vouches for was delivered");
    }

    @Test
    void aRecheckAfterARestartDoesNotReadWhatACheckpointResetForwardSkipped() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("state", state);
        context.getRegistry().bind("ids", new RecentIds(Long.MIN_VALUE)); // persistent-like: vouches for every id
        consume("limit=1000&stateRepository=#state&stateKey=audit&idempotentRepository=#ids&" + FAST_RECHECKS);
        List<String> history = List.copyOf(delivered);
        // forward, past the history (it ended ten minutes ago), so that nothing is delivered again: no recheck may read
        // before that point any more
        auditConsumer().resetCheckpointTo("PT9M");
        await().atMost(Duration.ofSeconds(30)).until(() -> state.getState("audit.recheck.floor") != null);
        context.getRouteController().stopRoute("audit");
        context.getRouteController().startRoute("audit");

        String beforeTheReset = indexedLate(Duration.ofHours(2));
        String afterTheReset = indexedLate(Duration.ofMinutes(8)); // before the overlap: only a recheck finds it

        assertDeliveredOnceEach(history, List.of(afterTheReset));
        assertFalse(delivered.contains(beforeTheReset), "an event before the reset point was delivered");
    }

    @Test
    void eventsTheOverlapDeliversAgainAfterARestartWithAnEmptyRepositoryAreNotCountedAsLate() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("state", state);
        Instant now = Instant.now();
        List<String> recent = simulator.addGeneratedEvents(3, now.minusSeconds(120), now.minusSeconds(60));
        String options = "limit=1000&stateRepository=#state&stateKey=audit&" + FAST_RECHECKS;
        consume(options);
        // a restart of the application: a new endpoint, whose in-memory idempotent repository starts empty
        context.getRouteController().stopRoute("audit");
        context.removeRoute("audit");
        context.removeEndpoints("slack-auditlogs:*");
        consume(options);

        // the overlap delivers the recent events again (the start-up WARN says so): not late, only unknown to it
        await().atMost(Duration.ofSeconds(30)).until(
                () -> recent.stream().allMatch(id -> Collections.frequency(delivered, id) == 2));
        assertEquals(0, auditConsumer().getLateEvents());
    }

    /** Keeps every id, but claims to vouch for those dated from {@code remembersFrom} on only. */
    private static final class RecentIds extends ServiceSupport implements ForgettingIdempotentRepository {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final long remembersFrom;

        RecentIds(long remembersFrom) {
            this.remembersFrom = remembersFrom;
        }

        @Override
        public long remembersFrom() {
            return remembersFrom;
        }

        @Override
        public boolean add(String key) {
            return ids.add(key);
        }

        @Override
        public boolean contains(String key) {
            return ids.contains(key);
        }

        @Override
        public boolean remove(String key) {
            return ids.remove(key);
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
            ids.clear();
        }
    }
}
