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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two CamelContexts run {@code master:slack-audit:slack-auditlogs:logs} with camel-file's {@link FileLockClusterService}
 * on one lock directory and one shared checkpoint and id store (standing for a JDBC or Redis one): only the leader
 * polls; when it stops mid-backfill the other takes over from the shared checkpoint.
 * <p>
 * Each context talks to its own simulator holding the same org (same seed and time span), so each simulator's request
 * log is exactly one poller's requests.
 */
class HighAvailabilityTest {

    private static final String TOKEN = "xoxp-ha";

    @TempDir
    Path locks;

    private final StateRepository<String, String> sharedState = new MemoryStateRepository();
    private final IdempotentRepository sharedIds = MemoryIdempotentRepository.memoryIdempotentRepository(10_000);

    private CamelContext node(String name, SlackAuditLogsSimulator simulator, Collection<String> sink) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(locks.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.getRegistry().bind("state", sharedState);
        context.getRegistry().bind("ids", sharedIds);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:slack-audit:slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl()
                     + "&oldest=" + simulator.oldestDateCreate() + "&lag=PT0S&initialDelay=0&delay=100"
                     + "&maxRequestsPerMinute=0&limit=100&maxEventsPerWindow=200&windowSize=PT20M"
                     + "&stateRepository=#state&idempotentRepository=#ids&stateKey=org-audit")
                        .routeId("audit")
                        .process(exchange -> {
                            Thread.sleep(1); // a SIEM that takes its time, so the failover lands mid-backfill
                            sink.add(exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class));
                        });
            }
        });
        return context;
    }

    private static SlackAuditLogsSimulator.Builder org(Instant from, Instant to) {
        return SlackAuditLogsSimulator.builder().token(TOKEN).seed(77).events(3000).timeSpan(from, to);
    }

    @Test
    void theFollowerTakesOverFromTheSharedCheckpointWhenTheLeaderStops() throws Exception {
        Instant to = Instant.now().minus(Duration.ofMinutes(5));
        Instant from = to.minus(Duration.ofHours(12));
        Collection<String> leaderSink = new ConcurrentLinkedQueue<>();
        Collection<String> followerSink = new ConcurrentLinkedQueue<>();
        try (SlackAuditLogsSimulator leaderSlack = org(from, to).build().start();
             SlackAuditLogsSimulator followerSlack = org(from, to).build().start()) {
            assertEquals(leaderSlack.eventIds(), followerSlack.eventIds(), "both simulators hold the same org");
            // a shared store outlives each node's consumer (an in-memory one would forget everything when stopped)
            sharedState.start();
            sharedIds.start();
            CamelContext leader = node("leader", leaderSlack, leaderSink);
            CamelContext follower = node("follower", followerSlack, followerSink);
            leader.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> leaderSink.size() > 500);
            follower.start();
            Thread.sleep(500);
            assertTrue(followerSlack.requests().isEmpty(), "the follower does not poll while the leader leads");

            leader.stop();
            Instant leaderStopped = Instant.now();
            Set<String> all = new HashSet<>(leaderSlack.eventIds());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Set<String> seen = new HashSet<>(leaderSink);
                seen.addAll(followerSink);
                return seen.containsAll(all);
            });
            follower.stop();

            Set<String> union = new HashSet<>(leaderSink);
            union.addAll(followerSink);
            assertEquals(all, union, "every id reached one of the sinks");
            // at-least-once: the exchange in flight when the leader shut down may fail there after reaching its sink
            int duplicates = leaderSink.size() + followerSink.size() - leaderSlack.eventCount();
            System.out.printf("failover: leader delivered %d, follower %d, duplicates %d%n", leaderSink.size(),
                    followerSink.size(), duplicates);
            assertTrue(duplicates <= 1, "at most the event in flight at the failover twice: " + duplicates);
            assertFalse(followerSink.isEmpty(), "the follower took over");

            List<RecordedRequest> leaderRequests = leaderSlack.requests();
            List<RecordedRequest> followerRequests = followerSlack.requests();
            Instant lastByLeader = leaderRequests.get(leaderRequests.size() - 1).time();
            Instant firstByFollower = followerRequests.get(0).time();
            assertFalse(firstByFollower.isBefore(lastByLeader), "no request while the other poller was polling");
            assertFalse(firstByFollower.isBefore(leaderStopped.minusSeconds(1)), "the follower began after the failover");
            long resumedFrom = Long.parseLong(followerRequests.get(0).param("oldest"));
            assertTrue(resumedFrom > leaderSlack.oldestDateCreate(), "the follower resumed, it did not start over");
        }
    }
}
