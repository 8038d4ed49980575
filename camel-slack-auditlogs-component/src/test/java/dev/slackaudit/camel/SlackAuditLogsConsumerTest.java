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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackAuditLogsConsumerTest extends SimulatorTestSupport {

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        // 3000 events in bursts over a day: many pages of 100 end inside a second
        return super.simulatorBuilder().seed(7).events(3000);
    }

    /** Expects every event, then starts the route, so no event arrives before the expectation. */
    private MockEndpoint consumeAll() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=100&windowSize=PT6H")).routeId("audit").to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        return events;
    }

    @Test
    void deliversEveryEventExactlyOnceOldestFirst() throws Exception {
        MockEndpoint events = consumeAll();

        assertTrue(expectedIdsOldestFirst().equals(ids(events.getReceivedExchanges())), "ids in order, each once");
    }

    @Test
    void everyPageRequestRepeatsTheWindowBoundsAndLimit() throws Exception {
        MockEndpoint events = consumeAll();

        List<RecordedRequest> requests = logsRequests();
        assertTrue(requests.stream().anyMatch(r -> r.param("cursor") != null), "paged with a cursor");
        for (RecordedRequest request : requests) {
            assertNotNull(request.param("oldest"), () -> "oldest on " + request.query());
            assertNotNull(request.param("latest"), () -> "latest on " + request.query());
            assertEquals("100", request.param("limit"));
        }
    }

    @Test
    void setsTheEventHeadersAndBody() throws Exception {
        MockEndpoint events = consumeAll();

        Exchange first = events.getReceivedExchanges().get(0);
        AuditLogEntry entry = assertInstanceOf(AuditLogEntry.class, first.getMessage().getBody());
        var tree = entry.asTree();
        assertEquals(tree.path("id").asText(), first.getMessage().getHeader(SlackAuditLogsConstants.ID));
        assertEquals(tree.path("action").asText(), first.getMessage().getHeader(SlackAuditLogsConstants.ACTION));
        assertEquals(tree.path("date_create").asLong(),
                first.getMessage().getHeader(SlackAuditLogsConstants.DATE_CREATE, Long.class));
        assertEquals(java.util.Date.from(Instant.ofEpochSecond(tree.path("date_create").asLong())),
                first.getMessage().getHeader(SlackAuditLogsConstants.TIMESTAMP));
        assertEquals(tree.path("actor").path("user").path("id").asText(),
                first.getMessage().getHeader(SlackAuditLogsConstants.ACTOR_ID));
        String type = tree.path("entity").path("type").asText();
        assertEquals(type, first.getMessage().getHeader(SlackAuditLogsConstants.ENTITY_TYPE));
        assertEquals(tree.path("entity").path(type).path("id").asText(),
                first.getMessage().getHeader(SlackAuditLogsConstants.ENTITY_ID));
        assertEquals(tree.path("context").path("location").path("id").asText(),
                first.getMessage().getHeader(SlackAuditLogsConstants.LOCATION_ID));
    }

    @Test
    void movesTheCheckpointPastTheLastWindowRead() throws Exception {
        MockEndpoint events = consumeAll();

        SlackAuditLogsConsumer consumer = auditConsumer();
        // the checkpoint moves once the last event of the window has gone through the route
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Instant.parse(consumer.getCheckpoint()).getEpochSecond() > simulator.newestDateCreate());
        assertEquals(simulator.eventCount(), consumer.getEventsDelivered());
        Set<String> distinct = new HashSet<>(ids(events.getReceivedExchanges()));
        assertEquals(simulator.eventCount(), distinct.size());
    }
}
