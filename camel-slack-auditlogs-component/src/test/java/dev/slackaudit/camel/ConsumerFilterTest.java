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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action, actor and entity filters, sent to Slack as server-side filters. */
class ConsumerFilterTest extends SimulatorTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(23).events(2000);
    }

    private MockEndpoint consume(String options) throws Exception {
        return consume(options, 0);
    }

    /** Expects {@code count} events before the route starts, so none arrives before the expectation. */
    private MockEndpoint consume(String options, int count) throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(count);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("windowSize=P2D&" + options)).routeId("audit").to("mock:events");
            }
        });
        return getMockEndpoint("mock:events");
    }

    /** The simulator's events that match, oldest first. */
    private List<String> idsWhere(Predicate<JsonNode> filter) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String json : simulator.eventJson()) {
            JsonNode event = MAPPER.readTree(json);
            if (filter.test(event)) {
                ids.add(event.path("id").asText());
            }
        }
        Collections.reverse(ids);
        return ids;
    }

    private void assertDelivered(String options, List<String> expected) throws Exception {
        assertTrue(expected.size() > 0, "the simulator has matching events");
        MockEndpoint events = consume(options, expected.size());
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertEquals(expected, ids(events.getReceivedExchanges()));
    }

    @Test
    void deliversOnlyTheListedActions() throws Exception {
        assertDelivered("action=user_login,file_downloaded", idsWhere(e -> Set.of("user_login", "file_downloaded").contains(e.path("action").asText())));
        assertTrue(logsRequests().stream().allMatch(r -> "user_login,file_downloaded".equals(r.param("action"))));
    }

    @Test
    void deliversOnlyTheActorsEvents() throws Exception {
        String actor = MAPPER.readTree(simulator.eventJson().get(0)).path("actor").path("user").path("id").asText();
        assertDelivered("actor=" + actor, idsWhere(e -> actor.equals(e.path("actor").path("user").path("id").asText())));
    }

    @Test
    void deliversOnlyTheEntitysEvents() throws Exception {
        JsonNode first = MAPPER.readTree(simulator.eventJson().get(0));
        String type = first.path("entity").path("type").asText();
        String entity = first.path("entity").path(type).path("id").asText();
        assertDelivered("entity=" + entity, idsWhere(e -> {
            String t = e.path("entity").path("type").asText();
            return entity.equals(e.path("entity").path(t).path("id").asText());
        }));
    }

    @Test
    void splitsMoreThanThirtyActionsIntoSeveralQueries() throws Exception {
        // the 35 most frequent actions of the simulated org, so several groups have events
        Set<String> actions = new LinkedHashSet<>();
        for (String json : simulator.eventJson()) {
            actions.add(MAPPER.readTree(json).path("action").asText());
        }
        List<String> chosen = actions.stream().limit(35).toList();
        assertEquals(35, chosen.size(), "the simulated org uses at least 35 actions");
        assertDelivered("action=" + String.join(",", chosen), idsWhere(e -> chosen.contains(e.path("action").asText())));
        Set<String> groups = new LinkedHashSet<>();
        for (RecordedRequest request : logsRequests()) {
            assertTrue(request.param("action").split(",").length <= 30, "at most 30 actions per request");
            groups.add(request.param("action"));
        }
        assertEquals(2, groups.size(), "35 actions are read as a group of 30 and a group of 5");
    }

    @Test
    void refusesToStartWithAnUnknownActionNamingTheClosestValidOnes() {
        Exception e = assertThrows(Exception.class, () -> consume("action=user_logn"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(e instanceof FailedToStartRouteException || cause instanceof IllegalArgumentException, e.toString());
        assertTrue(cause.getMessage().contains("Unknown action 'user_logn'"), cause.getMessage());
        assertTrue(cause.getMessage().contains("user_login"), cause.getMessage());
    }
}
