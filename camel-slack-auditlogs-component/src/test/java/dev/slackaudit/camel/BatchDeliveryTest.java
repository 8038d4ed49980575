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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.slackaudit.camel.model.AuditLogBatch;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer option batchSize: up to that many events of one window per exchange, with per-event guarantees. */
class BatchDeliveryTest extends SimulatorTestSupport {

    private static final int BATCH_SIZE = 25;

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        // 600 events over the two hours that ended ten minutes ago: windows of 20 minutes hold about 100
        return super.simulatorBuilder().seed(23).events(600)
                .timeSpan(Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** Starts a route that sends batches through {@code step} (if any) to mock:batches; waits for every event. */
    private MockEndpoint consumeBatches(Processor step) throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=100&windowSize=PT20M&batchSize=" + BATCH_SIZE)).routeId("audit")
                        .process(exchange -> {
                            if (step != null) {
                                step.process(exchange);
                            }
                        })
                        .filter(exchange -> !exchange.isRollbackOnly()).to("mock:batches");
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> events(batches.getReceivedExchanges()).size() >= simulator.eventCount());
        return batches;
    }

    private static List<AuditLogEntry> events(List<Exchange> batches) {
        List<AuditLogEntry> events = new ArrayList<>();
        batches.forEach(exchange -> events.addAll(exchange.getMessage().getBody(AuditLogBatch.class)));
        return events;
    }

    private static List<String> idsOf(List<AuditLogEntry> events) {
        return events.stream().map(AuditLogEntry::getId).toList();
    }

    /** The windows the consumer asked Slack for: {oldest, latest} of each first page. */
    private List<long[]> windows() {
        return logsRequests().stream().filter(r -> r.param("cursor") == null && r.status() == 200)
                .map(r -> new long[] { Long.parseLong(r.param("oldest")), Long.parseLong(r.param("latest")) })
                .toList();
    }

    @Test
    void batchesCarryAtMostBatchSizeEventsOfOneWindowOldestFirstAndEveryIdOnce() throws Exception {
        List<Exchange> batches = consumeBatches(null).getReceivedExchanges();

        assertEquals(expectedIdsOldestFirst(), idsOf(events(batches)), "every id once, oldest first, across batches");
        List<long[]> windows = windows();
        assertTrue(windows.size() >= 5, "several windows: " + windows.size());
        for (Exchange exchange : batches) {
            AuditLogBatch batch = exchange.getMessage().getBody(AuditLogBatch.class);
            assertTrue(batch.size() >= 1 && batch.size() <= BATCH_SIZE, "batch of " + batch.size());
            long first = batch.get(0).getDateCreate();
            long last = batch.get(batch.size() - 1).getDateCreate();
            assertTrue(windows.stream().anyMatch(w -> w[0] <= first && last <= w[1]),
                    "the batch " + first + ".." + last + " lies in one window");
        }
        assertTrue(batches.stream().anyMatch(e -> e.getMessage().getBody(List.class).size() < BATCH_SIZE
                                                  && e != batches.get(batches.size() - 1)),
                "a window's last batch is cut short rather than filled from the next window");
    }

    @Test
    void aBatchHasHeadersForItsBoundsAndCamelsBatchPropertiesForItsWindow() throws Exception {
        List<Exchange> batches = consumeBatches(null).getReceivedExchanges();

        int windowStart = 0;
        for (int i = 0; i < batches.size(); i++) {
            Exchange exchange = batches.get(i);
            AuditLogBatch batch = exchange.getMessage().getBody(AuditLogBatch.class);
            Map<String, Object> headers = exchange.getMessage().getHeaders();
            assertEquals(batch.size(), headers.get(SlackAuditLogsConstants.EVENT_COUNT));
            assertEquals(batch.get(0).getDateCreate(), headers.get(SlackAuditLogsConstants.FIRST_DATE_CREATE));
            assertEquals(batch.get(batch.size() - 1).getDateCreate(), headers.get(SlackAuditLogsConstants.LAST_DATE_CREATE));
            assertEquals(batch.get(0).getId(), headers.get(SlackAuditLogsConstants.FIRST_ID));
            assertEquals(batch.get(batch.size() - 1).getId(), headers.get(SlackAuditLogsConstants.LAST_ID));
            assertFalse(headers.containsKey(SlackAuditLogsConstants.ID), "no single event's headers on a batch");

            assertEquals(i - windowStart, exchange.getProperty(Exchange.BATCH_INDEX), "index within the window");
            if (exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)) {
                int inWindow = i - windowStart + 1;
                for (int j = windowStart; j <= i; j++) {
                    assertEquals(inWindow, batches.get(j).getProperty(Exchange.BATCH_SIZE),
                            "the window's batch count, on each of its batches");
                }
                windowStart = i + 1;
            }
        }
        assertEquals(batches.size(), windowStart, "the last batch of the last window is marked complete");
        assertTrue(batches.get(0).getProperty(Exchange.BATCH_SIZE, Integer.class) > 1, "a window of several batches");
    }

    @Test
    void aFailedBatchStopsTheWindowAndTheNextPollDeliversTheSameEventsAgain() throws Exception {
        assertFailedOnceThenDeliveredAgain(exchange -> {
            throw new IllegalStateException("the bulk endpoint is down");
        });
    }

    @Test
    void aBatchMarkedRollbackOnlyCountsAsFailed() throws Exception {
        assertFailedOnceThenDeliveredAgain(exchange -> exchange.setRollbackOnly(true));
    }

    /**
     * Fails the first attempt at the batch holding the 250th event as {@code failure} makes it fail, and checks that
     * exactly that batch's events were delivered again, and every event reached the sink once, in order.
     */
    private void assertFailedOnceThenDeliveredAgain(Processor failure) throws Exception {
        String poison = expectedIdsOldestFirst().get(250);
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        List<String> failedBatch = new ArrayList<>();
        List<Exchange> batches = consumeBatches(exchange -> {
            List<String> ids = idsOf(exchange.getMessage().getBody(AuditLogBatch.class));
            ids.forEach(id -> attempts.merge(id, 1, Integer::sum));
            if (ids.contains(poison) && failedBatch.isEmpty()) {
                failedBatch.addAll(ids);
                failure.process(exchange);
            }
        }).getReceivedExchanges();

        assertEquals(expectedIdsOldestFirst(), idsOf(events(batches)), "every id once, in order: nothing lost");
        attempts.forEach((id, n) -> assertEquals(failedBatch.contains(id) ? 2 : 1, n,
                "attempts at " + id + " (the failed batch was " + failedBatch.size() + " events)"));
        assertEquals(failedBatch, batches.stream().map(e -> idsOf(e.getMessage().getBody(AuditLogBatch.class)))
                .filter(ids -> ids.contains(poison)).findFirst().orElseThrow(),
                "the next poll delivered the same batch");
    }

    @Test
    void theIdsOfADeliveredBatchAreInTheIdempotentRepositoryAndNotBefore() throws Exception {
        List<String> inRepositoryWhileInFlight = new ArrayList<>();
        consumeBatches(exchange -> exchange.getMessage().getBody(AuditLogBatch.class).forEach(event -> {
            if (repository(exchange).contains(event.getId())) {
                inRepositoryWhileInFlight.add(event.getId());
            }
        }));
        IdempotentRepository repository = ((SlackAuditLogsEndpoint) context.getRoute("audit").getEndpoint())
                .defaultDeliveredIds().repository();

        assertEquals(List.of(), inRepositoryWhileInFlight, "ids are added once their batch succeeded");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> expectedIdsOldestFirst().stream().allMatch(repository::contains));
    }

    /** The endpoint's own (default) repository, which takes the bare ids. */
    private static IdempotentRepository repository(Exchange exchange) {
        return ((SlackAuditLogsEndpoint) exchange.getFromEndpoint()).defaultDeliveredIds().repository();
    }
}
