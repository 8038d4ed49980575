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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.slackaudit.camel.testing.SimulatorTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a {@link ConditionalStateRepository}, a consumer writes its position only over the value it last saw: when
 * another node moved it meanwhile (this one was paused past its leadership), the write is refused, the window stops,
 * and the consumer continues from what the other node stored, never moving it back.
 */
public class FencingTest extends SimulatorTestSupport {

    private final ComparingRepository state = new ComparingRepository();

    /** The simplest honest implementation of the SPI: a map whose writes compare and set atomically. */
    public static final class ComparingRepository extends ServiceSupport implements ConditionalStateRepository {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public synchronized boolean compareAndSetState(String key, String expected, String value) {
            if (!Objects.equals(values.get(key), expected)) {
                return false;
            }
            values.put(key, value);
            return true;
        }

        @Override
        public synchronized void setState(String key, String value) {
            values.put(key, value);
        }

        @Override
        public String getState(String key) {
            return values.get(key);
        }
    }

    @Test
    void aWriteOverAnotherNodesProgressIsRefusedAndTheConsumerContinuesFromIt() throws Exception {
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("stateRepository=#state&stateKey=fenced&delay=200")).routeId("audit").to("mock:events");
            }
        });
        getMockEndpoint("mock:events").expectedMessageCount(simulator.eventCount());
        getMockEndpoint("mock:events").assertIsSatisfied(30_000);

        // another node, the new leader, delivered up to a minute ago and stored its position
        long othersCheckpoint = Instant.now().getEpochSecond() - 60;
        String others = Instant.ofEpochSecond(othersCheckpoint) + " readAt=" + Instant.now();
        state.setState("fenced", others);
        List<String> late = simulator.addGeneratedEvents(5, Instant.now().minusSeconds(30), Instant.now().minusSeconds(10));

        await().atMost(Duration.ofSeconds(30)).until(() -> auditConsumer().getFailedPolls() > 0);
        // refused, then resumed from the other node's position: the new events arrive, the checkpoint went on from there
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(getMockEndpoint("mock:events").getReceivedExchanges())
                .containsAll(late));
        String stored = state.getState("fenced");
        assertTrue(Instant.parse(stored.split(" ")[0]).getEpochSecond() >= othersCheckpoint, stored);
        assertEquals(1, ids(getMockEndpoint("mock:events").getReceivedExchanges()).stream().filter(late.get(0)::equals)
                .count(), "delivered once");
    }
}
