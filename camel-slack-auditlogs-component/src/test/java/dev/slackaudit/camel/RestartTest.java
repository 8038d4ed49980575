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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.slackaudit.camel.testing.LogCapture;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarts with only a persistent state repository, as in the README's first example (a FileStateRepository, no
 * idempotent repository): the position records the last event delivered and when its window was read, so a graceful
 * restart delivers nothing twice, and a restart close to live warns that the overlap may repeat events.
 */
class RestartTest {

    private static final String TOKEN = "xoxp-restart-test";

    @TempDir
    Path dir;

    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private LogCapture captured;

    @AfterEach
    void stopCapturingLogs() {
        if (captured != null) {
            captured.close();
        }
    }

    @Test
    void aRestartInTheMiddleOfABackfillDeliversNoEventTwice() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(7).events(6_000)
                .timeSpan(Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofHours(1)))
                .build().start()) {
            AtomicInteger seen = new AtomicInteger();
            CamelContext first = start(simulator, "limit=700", () -> seen.incrementAndGet() >= 500);
            await().atMost(Duration.ofMinutes(1)).until(() -> first.isStopped());
            int beforeRestart = deliveries.size();
            assertTrue(beforeRestart > 0 && beforeRestart < simulator.eventCount(), "stopped mid-backfill: " + beforeRestart);

            try (CamelContext second = start(simulator, "limit=700", () -> false)) {
                await().atMost(Duration.ofMinutes(1)).until(() -> deliveries.size() == simulator.eventCount());
            }
            assertEquals(new HashSet<>(simulator.eventIds()), deliveries.keySet(), "every event");
            assertEquals(List.of(), deliveries.entrySet().stream().filter(e -> e.getValue() > 1).toList(),
                    "delivered twice");
        }
    }

    @Test
    void aRestartCloseToLiveWarnsThatTheOverlapMayRepeatEvents() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(8).events(300)
                .timeSpan(Instant.now().minus(Duration.ofHours(1)), Instant.now().minus(Duration.ofSeconds(30)))
                .build().start()) {
            try (CamelContext first = start(simulator, "", () -> false)) {
                await().atMost(Duration.ofMinutes(1)).until(() -> deliveries.size() == simulator.eventCount());
            }
            captureWarnings();
            try (CamelContext second = start(simulator, "", () -> false)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> captured.text().contains("Resuming at"));
            }
            assertTrue(captured.text().contains("Set idempotentRepository to a persistent repository"), captured.text());
        }
    }

    @Test
    void aRestartAfterABackfillOfOldHistoryDoesNotWarn() throws Exception {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(9).events(300)
                .timeSpan(Instant.now().minus(Duration.ofDays(3)), Instant.now().minus(Duration.ofDays(2)))
                .build().start()) {
            String bounded = "latest=" + Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
            try (CamelContext first = start(simulator, bounded, () -> false)) {
                await().atMost(Duration.ofMinutes(1)).until(() -> deliveries.size() == simulator.eventCount());
            }
            captureWarnings();
            try (CamelContext second = start(simulator, bounded, () -> false)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> captured.text().contains("Reading Slack audit events"));
            }
            assertFalse(captured.text().contains("Resuming at"), captured.text());
        }
    }

    /** A CamelContext whose consumer keeps its checkpoint in a file; {@code stopNow} stops it from the route. */
    private CamelContext start(SlackAuditLogsSimulator simulator, String options, BooleanSupplier stopNow)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(dir.resolve("state").toFile()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                     + simulator.oldestDateCreate() + "&initialDelay=0&maxRequestsPerMinute=0&stateRepository=#state"
                     + (options.isEmpty() ? "" : "&" + options))
                        .routeId("audit")
                        .process(exchange -> {
                            if (stopNow.getAsBoolean()) {
                                // as a SIGTERM would: a graceful stop from another thread while events flow; a slow
                                // sink from then on (one that fails if interrupted before it writes), so that the stop
                                // lands mid-backfill on a loaded machine too
                                if (stopping.compareAndSet(false, true)) {
                                    // what Camel's shutdown does first: stop the consumer, then the rest
                                    new Thread(() -> {
                                        ServiceHelper.stopService(context.getRoute("audit").getConsumer());
                                        context.stop();
                                    }).start();
                                }
                                Thread.sleep(5);
                            }
                            deliveries.merge(exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class), 1,
                                    Integer::sum);
                        });
            }
        });
        context.start();
        return context;
    }

    private void captureWarnings() {
        captured = new LogCapture("%p %m%n");
    }
}
