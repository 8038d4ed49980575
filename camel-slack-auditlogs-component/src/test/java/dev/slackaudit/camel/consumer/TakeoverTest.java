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
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a consumer that takes over a position in the middle of a long window (after a crash, or on another node after a
 * failover) reads again: only up to the mark the position holds, which the consumer before it kept a little ahead of
 * each event it sent.
 */
class TakeoverTest extends SimulatorTestSupport {

    private static final String KEY = "org-audit";
    private final MemoryStateRepository state = new MemoryStateRepository();

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        // 5,000 events over the two hours that ended an hour ago: history, so no overlap is read again
        Instant end = Instant.now().minus(Duration.ofHours(1));
        return super.simulatorBuilder().seed(21).events(5_000).timeSpan(end.minus(Duration.ofHours(2)), end);
    }

    private MockEndpoint consume(int expected, RouteBuilder route) throws Exception {
        context.getRegistry().bind("state", state);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(expected);
        context.addRoutes(route);
        MockEndpoint.assertIsSatisfied(context, 60, TimeUnit.SECONDS);
        return events;
    }

    @Test
    void aLongWindowKeepsTheStoredMarkAheadOfEveryEventItSends() throws Exception {
        List<String> behind = new ArrayList<>();
        TreeSet<Long> marks = new TreeSet<>();
        consume(simulator.eventCount(), new RouteBuilder() {
            @Override
            public void configure() {
                // one window of five pages; each event checks what a consumer taking over now would read
                from(logsUri("limit=1000&stateRepository=#state&stateKey=" + KEY)).routeId("audit")
                        .process(exchange -> {
                            long date = exchange.getMessage().getHeader(SlackAuditLogsConstants.DATE_CREATE, Long.class);
                            long mark = mark(state.getState(KEY));
                            marks.add(mark);
                            if (date > mark) {
                                behind.add(exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class));
                            }
                        })
                        .to("mock:events");
            }
        });
        assertEquals(List.of(), behind, "events sent while the stored mark was behind them");
        // about one move per 1,000 events (WindowDelivery.MARK_EVERY), from the window's density
        assertTrue(marks.size() >= 3 && marks.size() <= 10, "marks: " + marks.size());
    }

    @Test
    void aConsumerTakingOverMidWindowReadsAgainOnlyUpToTheMarkFirst() throws Exception {
        // as a consumer killed in the middle of a window leaves it: its checkpoint, and its mark ten minutes further
        long checkpoint = simulator.oldestDateCreate() + 3_600;
        long mark = checkpoint + 600;
        state.setState(KEY, Instant.ofEpochSecond(checkpoint) + " delivered=" + Instant.ofEpochSecond(mark) + " readAt="
                            + Instant.now().minusSeconds(30).toString().replaceAll("\\.\\d+", ""));
        List<String> expected = new ArrayList<>();
        for (String json : simulator.eventJson()) {
            AuditLogEntry event = AuditLogEntry.parse(json);
            if (event.getDateCreate() >= checkpoint) {
                expected.add(0, event.getId()); // served newest first, delivered oldest first
            }
        }
        MockEndpoint events = consume(expected.size(), new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=1000&stateRepository=#state&stateKey=" + KEY)).routeId("audit").to("mock:events");
            }
        });

        RecordedRequest first = logsRequests().get(0);
        assertEquals(List.of(Long.toString(checkpoint), Long.toString(mark)), List.of(first.param("oldest"),
                first.param("latest")), "the first window is the one the consumer before stopped in, up to its mark");
        assertEquals(expected, ids(events.getReceivedExchanges()), "every event from the checkpoint on, once, in order");
    }

    /** The second of the {@code delivered=} word of a stored position (the checkpoint's previous second if none). */
    private static long mark(String position) {
        long mark = Instant.parse(position.split(" ")[0]).getEpochSecond() - 1;
        for (String word : position.split(" ")) {
            if (word.startsWith("delivered=")) {
                mark = Instant.parse(word.substring("delivered=".length())).getEpochSecond();
            }
        }
        return mark;
    }
}
