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

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints, late events, failed exchanges and bounded exports (DESIGN §4). */
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

        await().atMost(Duration.ofSeconds(10)).until(() -> state.getState("org-audit") != null);
        Instant checkpoint = Instant.parse(state.getState("org-audit"));
        assertTrue(checkpoint.getEpochSecond() > simulator.newestDateCreate(), checkpoint.toString());
        context.stop();
        assertTrue(Files.readString(dir.resolve("state")).contains("org-audit=" + checkpoint), "a readable state file");
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
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=100&windowSize=P1D")).routeId("audit")
                        .process(exchange -> {
                            String id = exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class);
                            if (attempts.merge(id, 1, Integer::sum) == 1 && id.equals(poison)) {
                                throw new IllegalStateException("the SIEM is down");
                            }
                        })
                        .to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);

        assertEquals(expectedIdsOldestFirst(), ids(events.getReceivedExchanges()), "every id once, in order");
        assertEquals(2, attempts.get(poison), "the failed event was delivered again");
        Map<Integer, Integer> histogram = new HashMap<>();
        attempts.values().forEach(n -> histogram.merge(n, 1, Integer::sum));
        assertEquals(Map.of(1, simulator.eventCount() - 1, 2, 1), histogram, "only the failed event was sent twice");
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
