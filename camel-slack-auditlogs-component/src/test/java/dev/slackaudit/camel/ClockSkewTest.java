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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.slackaudit.simulator.IndexingDelay;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack's clock and this machine's may differ; Slack refuses a range that ends in its future ({@code invalid_range}).
 * With the default lag of 5 s, a local clock two minutes ahead would ask for one, and a clock two minutes behind would
 * hold every event back by two minutes: the consumer reads Slack's time from its answers and plans with it.
 */
class ClockSkewTest {

    private static final String TOKEN = "xoxp-clock-skew";

    @ParameterizedTest(name = "Slack''s clock {0} s from this machine''s")
    @ValueSource(ints = { -120, 120 })
    void deliversEveryLiveEventWithNoFailedPollWhenTheClocksDiffer(int offsetSeconds) throws Exception {
        Map<String, Boolean> delivered = new ConcurrentHashMap<>();
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(5).events(0)
                .live(20, IndexingDelay.uniform(Duration.ZERO, Duration.ofSeconds(2)))
                .clockOffset(Duration.ofSeconds(offsetSeconds)).strictRange(true).build().start();
             CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the default lag; oldest in neither clock's future; polls every second for a short test
                    from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                         + (simulator.serverTime().getEpochSecond() - 180) + "&delay=1000&initialDelay=0"
                         + "&maxRequestsPerMinute=0")
                            .routeId("audit")
                            .process(e -> delivered.put(e.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class),
                                    true));
                }
            });
            context.start();
            // events that happened while it ran, once Slack shows them and lag has passed, all arrive
            await().atMost(Duration.ofSeconds(60)).until(() -> simulator.eventCount() >= 100);
            var expected = simulator.eventIds().subList(0, simulator.eventCount()); // a snapshot, newest first
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.keySet().containsAll(expected));
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();
            assertEquals(0, consumer.getFailedPolls(), "no poll failed");
            long refused = simulator.requests().stream().filter(r -> r.path().endsWith("/logs") && r.status() == 400).count();
            // ahead of Slack, the first range ends in Slack's future and is refused once; behind it, none is
            assertEquals(offsetSeconds < 0 ? 1 : 0, refused, "ranges refused with invalid_range");
            assertTrue(consumer.getSecondsBehind() < 60, "caught up on Slack's clock: " + consumer.getSecondsBehind());
        }
    }
}
