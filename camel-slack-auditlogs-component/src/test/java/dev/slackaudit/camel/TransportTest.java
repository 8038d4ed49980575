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
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the client reaches Slack: paced under the org-wide quota, and through an HTTP proxy. */
class TransportTest extends SimulatorTestSupport {

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(13).events(200);
    }

    private void consumeAll(String uri) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("audit").to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
    }

    @Test
    void spacesRequestsEvenlyUnderMaxRequestsPerMinute() throws Exception {
        // 240 a minute: one request every 250 ms; 200 events in pages of about 40 take several requests
        consumeAll(logsUri("limit=40&windowSize=P2D&maxRequestsPerMinute=240"));

        List<RecordedRequest> requests = logsRequests();
        assertTrue(requests.size() >= 3, "paged: " + requests.size());
        for (int i = 1; i < requests.size(); i++) {
            Duration gap = Duration.between(requests.get(i - 1).time(), requests.get(i).time());
            // the pacer spaces the sends; the simulator stamps arrivals, after a connection is opened and the request
            // line parsed: on a loaded machine an arrival can lag its send by a few milliseconds more than the next one
            assertFalse(gap.compareTo(Duration.ofMillis(225)) < 0, "request " + i + " came " + gap + " after the last");
        }
    }

    @Test
    void goesThroughAnHttpProxy() throws Exception {
        // the API host does not exist: only a proxy can reach it, and the simulator plays that proxy
        String uri = logsUri("windowSize=P2D&allowInsecureHttp=true&proxyHost=127.0.0.1&proxyPort=" + simulator.port()
                             + "&baseUrl=http://slack-audit.invalid/audit/v1");
        consumeAll(uri);

        assertEquals("slack-audit.invalid", logsRequests().get(0).headers().get("host"));
    }
}
