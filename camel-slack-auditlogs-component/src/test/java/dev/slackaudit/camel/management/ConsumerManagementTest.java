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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees and does through JMX. */
class ConsumerManagementTest extends SimulatorTestSupport {

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(41).events(300);
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    private ObjectName consumerMBean() throws Exception {
        Set<ObjectName> names = ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=consumers,*"), null);
        assertEquals(1, names.size(), names.toString());
        return names.iterator().next();
    }

    @Test
    void showsTheCheckpointAndTrafficAndResetsTheCheckpoint() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=50&windowSize=P2D")).routeId("audit").to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName consumer = consumerMBean();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> jmx.getAttribute(consumer, "EventsDelivered").equals((long) simulator.eventCount()));

        Instant checkpoint = Instant.parse((String) jmx.getAttribute(consumer, "Checkpoint"));
        assertTrue(checkpoint.getEpochSecond() > simulator.newestDateCreate());
        assertTrue((Long) jmx.getAttribute(consumer, "SecondsBehind") < 60);
        assertTrue((Long) jmx.getAttribute(consumer, "PagesFetched") >= simulator.eventCount() / 50);
        assertEquals(0L, jmx.getAttribute(consumer, "RateLimitedCount"));

        // an operator moves the checkpoint back one hour: that hour is read and delivered again
        Instant target = Instant.ofEpochSecond(simulator.newestDateCreate()).minus(Duration.ofHours(1));
        simulator.clearRequests();
        jmx.invoke(consumer, "resetCheckpointTo", new Object[] { target.toString() }, new String[] { "java.lang.String" });
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.requests().stream()
                .map(RecordedRequest::query).anyMatch(q -> String.valueOf(target.getEpochSecond()).equals(q.get("oldest"))));
        long redelivered = simulator.eventJson().stream()
                .filter(json -> dev.slackaudit.camel.model.AuditLogEntry.parse(json).getDateCreate() >= target.getEpochSecond())
                .count();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.getReceivedCounter() == simulator.eventCount() + redelivered);
    }

    @Test
    void showsAResetCheckpointAtOnceBeforeTheNextPollAppliesIt() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("initialDelay=3600000")).routeId("audit").to("mock:events"); // no poll during the test
            }
        });
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName consumer = consumerMBean();
        Instant target = Instant.ofEpochSecond(simulator.newestDateCreate()).minus(Duration.ofHours(1));

        jmx.invoke(consumer, "resetCheckpointTo", new Object[] { target.toString() }, new String[] { "java.lang.String" });
        assertEquals(target.toString(), jmx.getAttribute(consumer, "Checkpoint"));

        jmx.invoke(consumer, "resetCheckpoint", new Object[0], new String[0]);
        assertEquals(Instant.ofEpochSecond(simulator.oldestDateCreate()).toString(), jmx.getAttribute(consumer, "Checkpoint"));
    }
}
