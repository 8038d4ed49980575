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
package dev.slackaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Requests arriving together, also while data changes, each get a consistent answer. */
class ConcurrencyTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant TO = Instant.ofEpochSecond(1_700_003_600L);

    @Test
    void concurrentClientsPagingTheSameWindowEachGetEveryEntry() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(5000).timeSpan(FROM, TO).build().start()) {
            List<String> expected = simulator.eventIds();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int limit = 50 + 37 * i;
                    results.add(clients.submit(() -> ApiClient.ids(new ApiClient(simulator, "xoxp-simulator")
                            .pageThrough("limit=" + limit + "&oldest=" + FROM.getEpochSecond()))));
                }
                for (Future<List<String>> result : results) {
                    assertEquals(expected, result.get());
                }
            } finally {
                clients.shutdownNow();
            }
            assertEquals(8, simulator.requests().stream().filter(r -> r.param("cursor") == null).count());
        }
    }

    @Test
    void pagingStaysConsistentWhileLateEventsArrive() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(5000).timeSpan(FROM, TO).build().start()) {
            List<String> before = simulator.eventIds();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(clients.submit(() -> ApiClient.ids(new ApiClient(simulator, "xoxp-simulator").pageThrough("limit=100"))));
                }
                for (int i = 0; i < 20; i++) {
                    simulator.addGeneratedEvents(10, FROM, TO);
                }
                for (Future<List<String>> result : results) {
                    List<String> paged = result.get();
                    // Whatever was there from the start is seen exactly once, in order; late arrivals may or may not be.
                    List<String> original = new ArrayList<>(paged);
                    original.retainAll(before);
                    assertEquals(before, original);
                    assertEquals(paged.size(), paged.stream().distinct().count());
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
