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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.consumer.CheckpointStore;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters an operator alerts on, in a real Micrometer registry, fed by a real route against the simulator. */
class ConsumerMetricsTest extends SimulatorTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(14).events(300);
    }

    private void consume(String options) throws Exception {
        context.getRegistry().bind("meters", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri(options)).routeId("audit").to("mock:events");
            }
        });
    }

    private void awaitEveryEvent() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
    }

    /** The meter of route audit with this name; the checkpoint key tag is the endpoint's. */
    private Search meter(String name) {
        return meters.find(name).tags("routeId", "audit", "checkpointKey", CheckpointStore.keyFor(auditConsumer().getEndpoint().getConfiguration()),
                "camelContext", context.getName());
    }

    private double counter(String name) {
        return meter(name).functionCounter().count();
    }

    private double gauge(String name) {
        return meter(name).gauge().value();
    }

    @Test
    void countsTheEventsDeliveredAndTheRequestsOfADrain() throws Exception {
        consume("limit=50&windowSize=P2D");
        awaitEveryEvent();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> counter("slack.auditlogs.events.delivered") == simulator.eventCount());
        assertEquals(auditConsumer().getRequests(), counter("slack.auditlogs.requests"));
        assertEquals(auditConsumer().getPagesFetched(), counter("slack.auditlogs.pages.fetched"));
        assertTrue(counter("slack.auditlogs.pages.fetched") > 0);
        assertEquals(0, counter("slack.auditlogs.failed.polls"));
        assertEquals(0, counter("slack.auditlogs.rate.limited"));
    }

    @Test
    void showsACaughtUpConsumerNearNowWithItsBackfillDone() throws Exception {
        consume("");
        awaitEveryEvent();

        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("slack.auditlogs.backfill.progress") == 100);
        assertTrue(gauge("slack.auditlogs.seconds.behind") < 60, "seconds behind a drained simulator");
        assertEquals(0, gauge("slack.auditlogs.export.complete"));
        double lastSuccess = gauge("slack.auditlogs.last.successful.poll.timestamp");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - lastSuccess) < 60, "a poll succeeded just now: " + lastSuccess);
    }

    @Test
    void recordsHowLateEachEventFoundInTheOverlapWasIndexed() throws Exception {
        consume("");
        awaitEveryEvent();
        await().atMost(Duration.ofSeconds(5)).until(() -> auditConsumer().getSecondsBehind() < 5);

        // indexed now, dated two minutes ago: the next poll finds it in the overlap, about 120 s late
        Instant dated = Instant.ofEpochSecond(Instant.now().minus(Duration.ofMinutes(2)).getEpochSecond());
        simulator.addGeneratedEvents(1, dated, dated);

        await().atMost(Duration.ofSeconds(10)).until(() -> meter("slack.auditlogs.lateness").summary().count() == 1);
        double lateness = meter("slack.auditlogs.lateness").summary().max();
        assertTrue(lateness >= 120 && lateness < 130, lateness + " s");
        assertEquals("seconds", meter("slack.auditlogs.lateness").summary().getId().getBaseUnit());
    }

    @Test
    void countsRateLimitsTheirWaitAndRetries() throws Exception {
        simulator.faults().next(Fault.rateLimited(1), Fault.status(500));
        consume("delay=60000");
        awaitEveryEvent();

        assertEquals(1, counter("slack.auditlogs.rate.limited"));
        assertTrue(counter("slack.auditlogs.rate.limit.wait") >= 1.0, "waited the 1 s Retry-After");
        assertEquals("seconds", meter("slack.auditlogs.rate.limit.wait").functionCounter().getId().getBaseUnit());
        assertEquals(2, counter("slack.auditlogs.retries"));
    }

    @Test
    void countsAFailedPollAndMovesTheLastSuccessfulPollOnlyOnSuccess() throws Exception {
        // no retries: the 503 fails the first poll; the next one reads everything
        simulator.faults().next(Fault.status(503));
        consume("maxRetries=0");
        awaitEveryEvent();

        await().atMost(Duration.ofSeconds(5)).until(() -> counter("slack.auditlogs.failed.polls") == 1);
        assertTrue(gauge("slack.auditlogs.last.successful.poll.timestamp") > 0);
    }

    @Test
    void aRestartedRouteTakesItsMetersOver() throws Exception {
        consume("");
        awaitEveryEvent();
        SlackAuditLogsConsumer first = auditConsumer();

        context.getRouteController().stopRoute("audit");
        context.getRouteController().startRoute("audit");

        // one meter per name and route, reading the consumer that runs now
        await().atMost(Duration.ofSeconds(10))
                .until(() -> auditConsumer().getRequests() > 0
                             && counter("slack.auditlogs.requests") == auditConsumer().getRequests());
        assertNotSame(first, auditConsumer(), "a route restart gives the route a new consumer");
        assertEquals(1, meter("slack.auditlogs.requests").functionCounters().size());
    }

    @Test
    void aStoppedRouteKeepsItsMetersUntilTheEndpointStops() throws Exception {
        consume("");
        awaitEveryEvent();

        context.getRouteController().stopRoute("audit");
        // a stopped collector still shows where it stopped, and falls behind from there
        assertEquals(simulator.eventCount(), counter("slack.auditlogs.events.delivered"));
        assertTrue(gauge("slack.auditlogs.seconds.behind") >= 0);

        context.stop();
        assertTrue(ourMeters().isEmpty(), ourMeters().toString());
    }

    @Test
    void tagsAndDescribesMetersWithoutTheToken() throws Exception {
        consume("");
        awaitEveryEvent();

        List<Meter> ours = ourMeters();
        assertEquals(13, ours.size(), ours.toString());
        for (Meter meter : ours) {
            String id = meter.getId().toString() + meter.getId().getDescription();
            assertFalse(id.contains(TOKEN) || id.contains("0123456789-secret"), id);
            assertFalse(id.contains("slack-auditlogs:logs"), "no endpoint URI in " + id);
        }
    }

    @Test
    void theReadmeListsEveryMeter() throws Exception {
        consume("");
        awaitEveryEvent();

        String readme = Files.readString(Path.of("..", "README.md"));
        for (Meter meter : ourMeters()) {
            assertTrue(readme.contains("| `" + meter.getId().getName() + "` |"), "README.md has no row for " + meter.getId());
        }
    }

    private List<Meter> ourMeters() {
        return meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("slack.auditlogs.")).toList();
    }
}
