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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints, late events, failed exchanges and bounded exports (docs/architecture.md, Delivery and idempotency). */
class DeliveryGuaranteesTest extends SimulatorTestSupport {

    @TempDir
    Path dir;

    private final Instant start = Instant.now().minus(Duration.ofHours(2));

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        // 600 events over the two hours that ended ten minutes ago
        return super.simulatorBuilder().seed(17).events(600)
                .timeSpan(start, Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** Expects {@code count} events, then starts the route, so no event arrives before the expectation. */
    private MockEndpoint consume(String options, int count) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(count);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri(options.isEmpty() ? "limit=100" : "limit=100&" + options)).routeId("audit").to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        return events;
    }

    @Test
    void writesTheCheckpointToTheStateRepositoryAsAnInstant() throws Exception {
        FileStateRepository state = FileStateRepository.fileStateRepository(dir.resolve("state").toFile());
        context.getRegistry().bind("state", state);
        consume("stateRepository=#state&stateKey=org-audit", simulator.eventCount());

        // the position is also written while the window is delivered: wait for the one past the newest event
        await().atMost(Duration.ofSeconds(30)).until(() -> state.getState("org-audit") != null
                && Instant.parse(state.getState("org-audit").split(" ")[0]).getEpochSecond() > simulator.newestDateCreate());
        context.stop();
        // a person can read it: key=instant, then what a restart needs (the read time, the last key delivered)
        String line = Files.readAllLines(dir.resolve("state")).stream().filter(l -> l.startsWith("org-audit="))
                .reduce((first, second) -> second).orElseThrow();
        Instant checkpoint = Instant.parse(line.substring("org-audit=".length()).split(" ")[0]);
        assertTrue(checkpoint.getEpochSecond() > simulator.newestDateCreate(), line);
    }

    @Test
    void aStoredCheckpointWinsOverOldest() throws Exception {
        long middle = (simulator.oldestDateCreate() + simulator.newestDateCreate()) / 2;
        FileStateRepository state = FileStateRepository.fileStateRepository(dir.resolve("state").toFile());
        state.start();
        state.setState("org-audit", Instant.ofEpochSecond(middle).toString());
        context.getRegistry().bind("state", state);
        List<String> expected = expectedIdsOldestFirst().stream()
                .filter(id -> dateOf(id) >= middle).toList();
        MockEndpoint events = consume("stateRepository=#state&stateKey=org-audit&overlap=PT0S", expected.size());
        assertEquals(expected, ids(events.getReceivedExchanges()));
    }

    @Test
    void restartingTheRouteResumesWithoutDuplicates() throws Exception {
        consume("", simulator.eventCount());
        context.getRouteController().stopRoute("audit");
        List<String> late = simulator.addGeneratedEvents(20, Instant.now().minus(Duration.ofMinutes(3)),
                Instant.now().minus(Duration.ofMinutes(2)));
        MockEndpoint events = getMockEndpoint("mock:events");
        events.reset();
        events.expectedMessageCount(late.size());
        context.getRouteController().startRoute("audit");
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertEquals(Set.copyOf(late), Set.copyOf(ids(events.getReceivedExchanges())));
    }

    @Test
    void deliversEventsSlackIndexedLateWithinTheOverlapOnce() throws Exception {
        consume("overlap=PT5M", simulator.eventCount());
        await().atMost(Duration.ofSeconds(5)).until(() -> auditConsumer().getSecondsBehind() < 5);

        // indexed now, dated two to three minutes ago: behind the checkpoint, inside the overlap
        List<String> late = simulator.addGeneratedEvents(15, Instant.now().minus(Duration.ofMinutes(3)),
                Instant.now().minus(Duration.ofMinutes(2)));
        assertOnlyDelivered(late);
    }

    @Test
    void deliversEventsIndexedUpToSixMinutesLateOnceWithTheDefaultLagAndOverlap() throws Exception {
        consume("lag=PT5S", simulator.eventCount()); // the defaults: lag 5 s, overlap 6 min
        await().atMost(Duration.ofSeconds(10)).until(() -> auditConsumer().getSecondsBehind() < 10);

        // indexed now, dated almost six minutes ago: the edge of what lag plus overlap tolerate
        Instant dated = Instant.now().minus(Duration.ofMinutes(5)).minus(Duration.ofSeconds(50));
        List<String> late = simulator.addGeneratedEvents(10, dated, dated.plusSeconds(5));
        assertOnlyDelivered(late);
    }

    private void assertOnlyDelivered(List<String> late) throws InterruptedException {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.reset();
        events.expectedMessageCount(late.size());
        events.setAssertPeriod(1000);
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertEquals(Set.copyOf(late), Set.copyOf(ids(events.getReceivedExchanges())),
                "the late events, and only they, were delivered");
    }

    @Test
    void aFailedExchangeStopsTheWindowAndTheNextPollDeliversItAgain() throws Exception {
        String poison = expectedIdsOldestFirst().get(250);
        Map<String, Integer> attempts = deliverFailingOnce(poison, exchange -> {
            throw new IllegalStateException("the SIEM is down");
        });

        assertEquals(2, attempts.get(poison), "the failed event was delivered again");
        Map<Integer, Integer> histogram = new HashMap<>();
        attempts.values().forEach(n -> histogram.merge(n, 1, Integer::sum));
        assertEquals(Map.of(1, simulator.eventCount() - 1, 2, 1), histogram, "only the failed event was sent twice");
    }

    @Test
    void anExchangeMarkedRollbackOnlyCountsAsFailed() throws Exception {
        String rolledBack = expectedIdsOldestFirst().get(100);
        Map<String, Integer> attempts = deliverFailingOnce(rolledBack, exchange -> exchange.setRollbackOnly(true));

        assertEquals(2, attempts.get(rolledBack), "the rolled back event was delivered again");
    }

    /**
     * Runs every event through a route in which the first attempt at event {@code id} fails as {@code failure} makes
     * it fail, and checks that every id still reached the sink once, in order.
     *
     * @return how often each id was attempted
     */
    private Map<String, Integer> deliverFailingOnce(String id, Processor failure) throws Exception {
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=100&windowSize=P1D")).routeId("audit")
                        .process(exchange -> {
                            String event = exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class);
                            if (attempts.merge(event, 1, Integer::sum) == 1 && event.equals(id)) {
                                failure.process(exchange);
                            }
                        })
                        .filter(exchange -> !exchange.isRollbackOnly()).to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertEquals(expectedIdsOldestFirst(), ids(events.getReceivedExchanges()), "every id once, in order");
        return attempts;
    }

    @Test
    void consumersSharingAnIdempotentRepositoryKeepTheirDeliveriesApart() throws Exception {
        context.getRegistry().bind("ids", org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository
                .memoryIdempotentRepository(10_000));
        List<String> logins = expectedIdsOldestFirst().stream().filter(id -> "user_login".equals(actionOf(id))).toList();
        MockEndpoint onlyLogins = getMockEndpoint("mock:logins");
        onlyLogins.expectedMessageCount(logins.size());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("idempotentRepository=#ids&action=user_login&windowSize=P1D")).to("mock:logins");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);

        // a second consumer resumes from a checkpoint in the middle and reads its overlap again: the logins the first
        // consumer delivered there are not its own deliveries, so it must deliver them
        long middle = (simulator.oldestDateCreate() + simulator.newestDateCreate()) / 2;
        org.apache.camel.support.processor.state.MemoryStateRepository state
                = new org.apache.camel.support.processor.state.MemoryStateRepository();
        state.start();
        state.setState("all", Instant.ofEpochSecond(middle).toString());
        context.getRegistry().bind("state", state);
        List<String> expected = expectedIdsOldestFirst().stream().filter(id -> dateOf(id) >= middle - 300).toList();
        assertTrue(expected.stream().anyMatch(id -> dateOf(id) < middle && logins.contains(id)),
                "the overlap holds logins the first consumer delivered");
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedMessageCount(expected.size());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("idempotentRepository=#ids&stateRepository=#state&stateKey=all&overlap=PT5M&windowSize=P1D"))
                        .to("mock:all");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertEquals(expected, ids(all.getReceivedExchanges()));
    }

    @Test
    void aSecondConsumerOnTheSameCheckpointFailsToStart() throws Exception {
        context.getRegistry().bind("state", new org.apache.camel.support.processor.state.MemoryStateRepository());
        consume("stateRepository=#state&stateKey=org-audit", simulator.eventCount());
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("stateRepository=#state&stateKey=org-audit&latest=" + simulator.newestDateCreate()))
                        .routeId("export").to("mock:export");
            }
        }));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("already keeps its checkpoint under the key 'org-audit'"),
                cause.getMessage());
    }

    @Test
    void aConsumerRefusedForATakenCheckpointLeavesTheOtherConsumersClaimInPlace() throws Exception {
        context.getRegistry().bind("state", new org.apache.camel.support.processor.state.MemoryStateRepository());
        consume("stateRepository=#state&stateKey=org-audit", simulator.eventCount());
        for (String routeId : List.of("second", "third")) {
            // the second's failed start must not release the first's claim, or the third would start beside it
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> context.addRoutes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(logsUri("stateRepository=#state&stateKey=org-audit")).routeId(routeId)
                                    .to("mock:" + routeId);
                        }
                    }), routeId);
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("already keeps its checkpoint under the key 'org-audit'"),
                    routeId + ": " + cause.getMessage());
        }
    }

    @Test
    void aUserGivenInMemoryStateRepositorySurvivesARouteRestart() throws Exception {
        context.getRegistry().bind("state", new org.apache.camel.support.processor.state.MemoryStateRepository());
        consume("stateRepository=#state&stateKey=org-audit", simulator.eventCount());
        String checkpoint = await().atMost(Duration.ofSeconds(5)).until(() -> auditConsumer().getCheckpoint(),
                c -> Instant.parse(c).getEpochSecond() > simulator.newestDateCreate());
        context.getRouteController().stopRoute("audit");
        context.getRouteController().startRoute("audit");
        // resumed: the checkpoint did not go back to oldest (a poll since may have moved it on to now)
        assertFalse(Instant.parse(auditConsumer().getCheckpoint()).isBefore(Instant.parse(checkpoint)));
        getMockEndpoint("mock:events").setAssertPeriod(500);
        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
    }

    @Test
    void aBackfillDoesNotReadTheOverlapOfHistoryAgain() throws Exception {
        consume("windowSize=PT20M&overlap=PT5M", simulator.eventCount());
        List<dev.slackaudit.simulator.RecordedRequest> firstPages = logsRequests().stream()
                .filter(r -> r.param("cursor") == null).toList();
        assertTrue(firstPages.size() >= 6, "a backfill of several windows: " + firstPages.size());
        for (int i = 1; i < firstPages.size(); i++) {
            long previousLatest = Long.parseLong(firstPages.get(i - 1).param("latest"));
            long oldest = Long.parseLong(firstPages.get(i).param("oldest"));
            if (previousLatest < Instant.now().getEpochSecond() - 600) {
                assertEquals(previousLatest + 1, oldest, "window " + i + " starts where the last one ended");
            }
        }
    }

    @Test
    void anExportEndsAtLatestAndStopsFetching() throws Exception {
        long latest = simulator.oldestDateCreate() + 1800;
        List<String> expected = expectedIdsOldestFirst().stream().filter(id -> dateOf(id) <= latest).toList();
        MockEndpoint events = consume("latest=" + latest + "&windowSize=PT10M", expected.size());
        assertEquals(expected, ids(events.getReceivedExchanges()));

        await().atMost(Duration.ofSeconds(5)).until(() -> auditConsumer().isExportComplete());
        assertEquals(Instant.ofEpochSecond(latest + 1).toString(), auditConsumer().getCheckpoint());
        int requests = logsRequests().size();
        Thread.sleep(500); // five more polls at delay=100
        assertEquals(requests, logsRequests().size(), "no request after the export completed");
        assertTrue(logsRequests().stream().allMatch(r -> Long.parseLong(r.param("latest")) <= latest));
    }

    private final Map<String, Long> dates = new HashMap<>();

    private String actionOf(String id) {
        int i = simulator.eventIds().indexOf(id);
        return dev.slackaudit.camel.model.AuditLogEntry.parse(simulator.eventJson().get(i)).getAction();
    }

    private long dateOf(String id) {
        if (dates.isEmpty()) {
            List<String> ids = simulator.eventIds();
            List<String> json = simulator.eventJson();
            for (int i = 0; i < ids.size(); i++) {
                dates.put(ids.get(i), dev.slackaudit.camel.model.AuditLogEntry.parse(json.get(i)).getDateCreate());
            }
        }
        return dates.get(id);
    }
}
