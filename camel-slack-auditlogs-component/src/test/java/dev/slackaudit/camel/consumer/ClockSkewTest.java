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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.slackaudit.camel.QuotedLogLinesTest;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.testing.LogCapture;
import dev.slackaudit.simulator.IndexingDelay;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack's clock and this machine's may differ; Slack refuses a range that ends in its future ({@code invalid_range}).
 * With the default lag of 5 s, a local clock two minutes ahead would ask for one, and a clock two minutes behind would
 * hold every event back by two minutes: the consumer reads Slack's time from its answers and plans with it.
 * <p>
 * When the {@code Date} header is not stamped by the clock that checks ranges (a proxy or an edge in front of the API,
 * simulated by {@code dateHeaderOffset}), the consumer backs away from now until Slack accepts, and says so once.
 */
class ClockSkewTest {

    private static final String TOKEN = "xoxp-clock-skew";
    private static final String MARGIN_WARNING = "Slack refused ranges ending at now minus lag";

    @ParameterizedTest(name = "Slack''s clock {0} s from this machine''s")
    @ValueSource(ints = { -120, 120 })
    void deliversEveryLiveEventWithNoFailedPollWhenTheClocksDiffer(int offsetSeconds) throws Exception {
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(5).events(0)
                .live(20, IndexingDelay.uniform(Duration.ZERO, Duration.ofSeconds(2)))
                .clockOffset(Duration.ofSeconds(offsetSeconds)).strictRange(true).build().start();
             CamelContext context = new DefaultCamelContext()) {
            // oldest in neither clock's future; polls every second for a short test
            context.addRoutes(route(simulator, "oldest=" + (simulator.serverTime().getEpochSecond() - 180) + "&delay=1000",
                                    delivered));
            context.start();
            // events that happened while it ran, once Slack shows them and lag has passed, all arrive
            await().atMost(Duration.ofSeconds(60)).until(() -> simulator.eventCount() >= 100);
            var expected = simulator.eventIds().subList(0, simulator.eventCount()); // a snapshot, newest first
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.keySet().containsAll(expected));
            SlackAuditLogsConsumer consumer = auditConsumer(context);
            assertEquals(0, consumer.getFailedPolls(), "no poll failed");
            // ahead of Slack, the first range ends in Slack's future and is refused once; behind it, none is
            assertEquals(offsetSeconds < 0 ? 1 : 0, logsRequests(simulator, 400), "ranges refused with invalid_range");
            assertTrue(consumer.getSecondsBehind() < 60, "caught up on Slack's clock: " + consumer.getSecondsBehind());
        }
    }

    /** The scenario: Slack 90 s behind this machine, strict about its future, its Date on this machine's time. */
    @Test
    void deliversEveryEventOnceWhenTheDateHeaderIsNotTheClockThatChecksRanges() throws Exception {
        Instant machineNow = Instant.now();
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        try (SlackAuditLogsSimulator simulator = rangeClockBehindTheDateHeader(Duration.ofSeconds(90), 334,
                machineNow.minus(Duration.ofMinutes(10)), machineNow.minus(Duration.ofMinutes(3)));
             LogCapture log = new LogCapture("%p %m%n");
             CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route(simulator, "oldest=" + machineNow.minus(Duration.ofMinutes(15)).getEpochSecond()
                                               + "&delay=1000", deliveries));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() == 334);
            long acceptedSoFar = logsRequests(simulator, 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> logsRequests(simulator, 200) >= acceptedSoFar + 3);

            assertEquals(Set.copyOf(simulator.eventIds()), deliveries.keySet(), "every event delivered");
            assertEquals(Set.of(1), Set.copyOf(deliveries.values()), "each once");
            // 0, 1, 2 ... 64 s behind now minus lag are in the future of a clock 90 s behind; 128 s is not. The polls
            // after the first ask with the margin found and are all accepted.
            assertEquals(8, logsRequests(simulator, 400), "ranges refused with invalid_range");
            List<String> warnings = log.text().lines().filter(line -> line.startsWith("WARN ")).toList();
            assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
            assertTrue(warnings.get(0).contains(MARGIN_WARNING) && warnings.get(0).contains("minus lag minus 128 s"),
                    warnings.get(0));
            assertEquals(0, auditConsumer(context).getFailedPolls(), "no poll failed");
            QuotedLogLinesTest.assertReadmesQuote(MARGIN_WARNING, 1, log.text().lines().toList());
        }
    }

    @Test
    void aRangeClockMoreThanFiveMinutesBehindTheDateHeaderFailsThePollNamingWhatToCheck() throws Exception {
        Instant machineNow = Instant.now();
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        try (SlackAuditLogsSimulator simulator = rangeClockBehindTheDateHeader(Duration.ofMinutes(10), 50,
                machineNow.minus(Duration.ofMinutes(30)), machineNow.minus(Duration.ofMinutes(20)));
             LogCapture log = new LogCapture("%p %m%n");
             CamelContext context = new DefaultCamelContext()) {
            long oldest = machineNow.minus(Duration.ofMinutes(40)).getEpochSecond();
            context.addRoutes(route(simulator, "oldest=" + oldest + "&delay=60000", deliveries));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> auditConsumer(context).getFailedPolls() == 1);

            // now minus lag, then 1, 2, 4 ... 256 and 300 s further back: all in the future of a clock 10 min behind
            assertEquals(11, logsRequests(simulator, 400), "ranges refused with invalid_range");
            assertTrue(log.text().contains("WARN Polling slack-auditlogs://logs failed: Slack refused every range ending up"
                                           + " to 300 s before now minus lag, though its Date header"), log.text());
            assertTrue(log.text().contains("Check the clock of any proxy in front of Slack"), log.text());
            QuotedLogLinesTest.assertReadmesQuote("Slack refused every range ending up to", 1, log.text().lines().toList());
            assertTrue(deliveries.isEmpty(), "nothing delivered");
            assertEquals(Instant.ofEpochSecond(oldest).toString(), auditConsumer(context).getCheckpoint(),
                    "the checkpoint stays");
        }
    }

    @Test
    void aRefusedRangeStartingBeforeMarch2018FailsAsBeforeWithoutBackingAway() throws Exception {
        MemoryStateRepository checkpoints = new MemoryStateRepository();
        checkpoints.setState("edited", "2017-06-01T00:00:00Z"); // a checkpoint edited by hand
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).events(10)
                .strictRange(true).build().start();
             LogCapture log = new LogCapture("%p %m%n");
             CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("checkpoints", checkpoints);
            context.addRoutes(route(simulator, "stateRepository=#checkpoints&stateKey=edited&delay=60000",
                                    new ConcurrentHashMap<>()));
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> auditConsumer(context).getFailedPolls() == 1);

            assertEquals(1, logsRequests(simulator, 400), "one range refused, none further back tried");
            assertTrue(log.text().contains("failed: Slack refused the time range: oldest/latest must lie between March"
                                           + " 2018 and now (invalid_range"), log.text());
            assertFalse(log.text().contains(MARGIN_WARNING), log.text());
        }
    }

    /**
     * A strict Slack whose range clock runs {@code behind} this machine's, behind a {@code Date} header on this
     * machine's time (a proxy's), serving {@code events} events from {@code from} to {@code to}.
     */
    private static SlackAuditLogsSimulator rangeClockBehindTheDateHeader(Duration behind, int events, Instant from,
                                                                         Instant to) {
        return SlackAuditLogsSimulator.builder().token(TOKEN).events(events).timeSpan(from, to)
                .clockOffset(behind.negated()).dateHeaderOffset(behind).strictRange(true).build().start();
    }

    /** A route {@code audit} with the default lag that counts the deliveries of each event id. */
    private static RouteBuilder route(SlackAuditLogsSimulator simulator, String options, Map<String, Integer> deliveries) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&initialDelay=0"
                     + "&maxRequestsPerMinute=0&" + options)
                        .routeId("audit")
                        .process(e -> deliveries.merge(e.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class),
                                                       1, Integer::sum));
            }
        };
    }

    private static SlackAuditLogsConsumer auditConsumer(CamelContext context) {
        return (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();
    }

    /** The {@code /logs} requests the simulator answered with {@code status}. */
    private static long logsRequests(SlackAuditLogsSimulator simulator, int status) {
        return simulator.requests().stream().filter(r -> r.path().endsWith("/logs") && r.status() == status).count();
    }
}
