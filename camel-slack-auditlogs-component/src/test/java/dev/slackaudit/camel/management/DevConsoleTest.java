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
package dev.slackaudit.camel.management;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.consumer.CheckpointStore;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slack-auditlogs dev console, found the way Camel's tools find it: through the DevConsoleRegistry. */
class DevConsoleTest extends SimulatorTestSupport {

    @TempDir
    Path locks;

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(15).events(200);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertNotNull(registry, "camel-console provides the registry");
        DevConsole console = registry.resolveById("slack-auditlogs");
        assertNotNull(console, "the registry finds the component's console by its id");
        return console;
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("audit").to("mock:events");
            }
        });
    }

    private void awaitEveryEvent() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        // the consumer counts an event once the route has completed it, just after the mock saw it
        await().atMost(Duration.ofSeconds(5)).until(() -> consumersInJson().stream()
                .anyMatch(c -> c.getLong("eventsDelivered") == simulator.eventCount()));
    }

    @SuppressWarnings("unchecked")
    private List<JsonObject> consumersInJson() {
        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);
        return (List<JsonObject>) json.get("consumers");
    }

    @Test
    void showsTheCheckpointLagBackfillAndTrafficOfEachConsumerInJson() throws Exception {
        consume(logsUri(""));
        awaitEveryEvent();
        await().atMost(Duration.ofSeconds(5)).until(() -> auditConsumer().getBackfillProgress() == 100);

        List<JsonObject> consumers = consumersInJson();
        assertEquals(1, consumers.size());
        JsonObject consumer = consumers.get(0);
        assertEquals("audit", consumer.getString("routeId"));
        assertEquals(CheckpointStore.keyFor(auditConsumer().getEndpoint().getConfiguration()), consumer.getString("checkpointKey"));
        assertEquals("Started", consumer.getString("state"));
        assertTrue(Instant.parse(consumer.getString("checkpoint")).getEpochSecond() > simulator.newestDateCreate());
        assertTrue(consumer.getLong("secondsBehind") < 60);
        assertEquals(100, consumer.getInteger("backfillProgress"));
        assertEquals(simulator.eventCount(), consumer.getLong("eventsDelivered"));
        assertTrue(consumer.getLong("requests") > 0);
        assertEquals(0, consumer.getLong("rateLimited"));
        assertEquals(0, consumer.getLong("rateLimitWaitMillis"));
        assertEquals(0, consumer.getLong("failedPolls"));
        assertNotNull(Instant.parse(consumer.getString("lastSuccessfulPoll")));
        assertFalse(consumer.containsKey("lastError"), "no error yet");
    }

    @Test
    void showsTheSameFiguresAsText() throws Exception {
        consume(logsUri(""));
        awaitEveryEvent();

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Route Id: audit"), text);
        assertTrue(text.contains("Checkpoint Key: " + CheckpointStore.keyFor(auditConsumer().getEndpoint().getConfiguration())), text);
        assertTrue(text.contains("Events Delivered: " + simulator.eventCount()), text);
        assertTrue(text.contains("Seconds Behind: "), text);
        assertTrue(text.contains("Backfill Progress: "), text);
        assertTrue(text.contains("Rate Limit Wait Millis: 0"), text);
    }

    @Test
    void showsTheLastErrorAndNeverTheToken() throws Exception {
        // Slack refuses the first request: the poll fails (no retries), the next one reads everything
        simulator.faults().next(Fault.status(401));
        consume(logsUri("maxRetries=0"));
        awaitEveryEvent();

        JsonObject consumer = consumersInJson().get(0);
        assertNotNull(consumer.getString("lastError"), consumer.toJson());
        assertEquals(1, consumer.getLong("failedPolls"), consumer.toJson());
        for (Object output : List.of(console().call(DevConsole.MediaType.TEXT),
                console().call(DevConsole.MediaType.JSON, Map.of()))) {
            String shown = output instanceof JsonObject json ? json.toJson() : (String) output;
            assertFalse(shown.contains(TOKEN) || shown.contains("0123456789-secret"), shown);
            assertFalse(shown.contains("slack-auditlogs:logs") || shown.contains("slack-auditlogs://"),
                    "no endpoint URI: " + shown);
        }
    }

    @Test
    void showsOnlyTheConsumerARestartedRouteRunsNow() throws Exception {
        consume(logsUri(""));
        awaitEveryEvent();

        context.getRouteController().stopRoute("audit");
        context.getRouteController().startRoute("audit");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumersInJson().size() == 1
                && consumersInJson().get(0).getLong("requests") == auditConsumer().getRequests()
                && auditConsumer().getRequests() > 0);
    }

    @Test
    void showsTheConsumerOfAMasterRouteUnderThatRoute() throws Exception {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("locks");
        cluster.setRoot(locks.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        // the master component creates this consumer itself when it takes the lead: no route gave it an id
        consume("master:slack-audit:" + logsUri(""));
        awaitEveryEvent();

        List<JsonObject> consumers = consumersInJson();
        assertEquals(1, consumers.size());
        assertEquals("audit", consumers.get(0).getString("routeId"));
        assertEquals(simulator.eventCount(), consumers.get(0).getLong("eventsDelivered"));
    }

    @Test
    void camelMainLoadsTheConsoleWithDevConsoleEnabled() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.dev-console-enabled", "true");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("")).routeId("main-audit").to("mock:main-events");
            }
        });
        main.start();
        try {
            CamelContext mainContext = main.getCamelContext();
            // enabled, the registry loads every console the class path lists, as the tools that show them expect
            DevConsoleRegistry registry = DevConsoleRegistry.get(mainContext);
            assertTrue(registry.getConsoleIDs().contains("slack-auditlogs"), registry.getConsoleIDs().toString());
            DevConsole console = registry.resolveById("slack-auditlogs");
            await().atMost(Duration.ofSeconds(30)).until(() -> console.call(DevConsole.MediaType.TEXT).toString()
                    .contains("Events Delivered: " + simulator.eventCount()));
            assertTrue(console.call(DevConsole.MediaType.TEXT).toString().contains("Route Id: main-audit"));
        } finally {
            main.stop();
        }
    }
}
