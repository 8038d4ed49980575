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

import dev.slackaudit.camel.testing.SimulatorTestSupport;
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
        // the pacer spaces the sends; the simulator stamps arrivals, and on a loaded machine one arrival can lag its
        // send, shortening the next gap by as much as it lengthens this one: the span of all of them is what a pacer
        // controls, and no gap may be a burst. The first arrival can lag its send too (a loaded CI machine once showed
        // 4 requests in 0.69 s for 0.75 s of pacing), so the span may fall short by up to 100 ms, under half a gap
        Duration span = Duration.between(requests.get(0).time(), requests.get(requests.size() - 1).time());
        Duration expected = Duration.ofMillis(250L * (requests.size() - 1));
        assertFalse(span.compareTo(expected.minusMillis(100)) < 0, requests.size() + " requests in " + span);
        for (int i = 1; i < requests.size(); i++) {
            Duration gap = Duration.between(requests.get(i - 1).time(), requests.get(i).time());
            assertFalse(gap.compareTo(Duration.ofMillis(150)) < 0, "request " + i + " came " + gap + " after the last");
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
