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
package dev.slackaudit.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.simulator.HttpCollector;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.main.KameletMain;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slack-audit-logs-source Kamelet of this jar, bound by a Pipe to Apache's http-sink Kamelet (camel-kamelets), run
 * by camel-kamelet-main as {@code camel run slack-audit-to-siem.yaml} would: the component comes from the Kamelet's
 * spec.dependencies, the events from a simulated organization, and they end at an HTTP collector. A second Pipe on
 * the same organization sets {@code format: ocsf}, as a security data lake would; a third, a format the Kamelet does
 * not offer.
 */
class SlackAuditLogsSourcePipeTest {

    private static final String TOKEN = "xoxp-kamelet-0123456789-secret";
    private static final Path CHECKPOINT_FILE = Path.of("pipe-checkpoints.properties").toAbsolutePath();
    /** The key the component derives from the simulator's base URL (the Pipe sets no stateKey). */
    private static final String STATE_KEY = "slack-auditlogs/127.0.0.1/audit/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // one run for all specifications: booting the runtime is what costs (seconds), not asserting on it
    private static SlackAuditLogsSimulator slack;
    private static HttpCollector siem;
    private static HttpCollector securityLake;
    private static HttpCollector badFormatSink;
    /** The exceptions of the exchanges that failed, in any route. */
    private static final List<String> failures = new CopyOnWriteArrayList<>();
    private static KameletMain main;
    private static FileStateRepository checkpoints;

    @BeforeAll
    static void camelRun() throws Exception {
        Files.deleteIfExists(CHECKPOINT_FILE);
        Instant now = Instant.now();
        slack = SlackAuditLogsSimulator.builder().token(TOKEN).events(600)
                .timeSpan(now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(10))).build().start();
        siem = HttpCollector.start();
        securityLake = HttpCollector.start();
        badFormatSink = HttpCollector.start();

        main = CamelRun.kameletMain();
        Path pipes = Path.of(System.getProperty("test.resources"), "pipes");
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + pipes.resolve("slack-audit-to-siem.yaml")
                                                                   + ",file:" + pipes.resolve("slack-audit-to-security-lake.yaml")
                                                                   + ",file:" + pipes.resolve("slack-audit-bad-format.yaml"));
        // what the platform supplies from a Secret and a ConfigMap
        main.addInitialProperty("camel.kamelet.slack-audit-logs-source.token", TOKEN);
        main.addInitialProperty("camel.kamelet.slack-audit-logs-source.baseUrl", slack.baseUrl());
        main.addInitialProperty("camel.kamelet.http-sink.url", siem.root() + "/events");
        main.addInitialProperty("security-lake.url", securityLake.root() + "/events");
        main.addInitialProperty("bad-format.url", badFormatSink.root() + "/events");
        // camel-main adds the EventNotifier beans of the registry to the CamelContext
        main.bind("failedExchanges", new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                failures.add(String.valueOf(((ExchangeFailedEvent) event).getExchange().getException()));
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeFailedEvent;
            }
        });
        checkpoints = FileStateRepository.fileStateRepository(CHECKPOINT_FILE.toFile());
        main.bind("checkpoints", checkpoints);
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        if (siem != null) {
            siem.close();
        }
        if (securityLake != null) {
            securityLake.close();
        }
        if (badFormatSink != null) {
            badFormatSink.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void postsEveryEventOnceToTheSink() throws IOException {
        await().atMost(TIMEOUT).until(() -> siem.bodies().size() >= slack.eventCount());
        // the polls after catching up read the overlap again: they must post nothing
        int requestsWhenComplete = logsRequests().size();
        await().atMost(TIMEOUT).until(() -> logsRequests().size() >= requestsWhenComplete + 2);

        List<String> ids = new ArrayList<>();
        for (String body : siem.bodies()) {
            ids.add(JSON.readTree(body).get("id").asText());
        }
        assertEquals(slack.eventIds().stream().sorted().toList(), ids.stream().sorted().toList());
    }

    @Test
    void withFormatOcsfPostsEveryEventOnceAsAnOcsfEventThatCarriesTheRawEvent() throws IOException {
        await().atMost(TIMEOUT).until(() -> securityLake.bodies().size() >= slack.eventCount());

        List<String> ids = new ArrayList<>();
        for (String body : securityLake.bodies()) {
            JsonNode document = JSON.readTree(body);
            assertTrue(document.path("class_uid").isInt(), body);
            assertEquals(document.path("metadata").path("uid").asText(),
                    JSON.readTree(document.path("raw_data").asText()).path("id").asText());
            ids.add(document.path("metadata").path("uid").asText());
        }
        assertEquals(slack.eventIds().stream().sorted().toList(), ids.stream().sorted().toList());
    }

    @Test
    void anUnknownFormatFailsEachMessageNamingItAndNothingReachesTheSink() {
        String expected = "Invalid format 'ecss' of the slack-audit-logs-source Kamelet: use raw, ecs or ocsf";
        await().atMost(TIMEOUT).until(() -> failures.stream().filter(failure -> failure.contains(expected)).count() >= 2);

        assertEquals(List.of(), badFormatSink.bodies(), "a message that failed is not posted");
        assertTrue(failures.stream().allMatch(failure -> failure.contains(expected)), () -> "other failures: " + failures);
    }

    @Test
    void readsWithThePipesPropertiesAndTheComponentsDefaultsForTheRest() {
        await().atMost(TIMEOUT).until(() -> !logsRequests().isEmpty());

        assertTrue(logsRequests().stream().allMatch(RecordedRequest::authorized), "the token property reached Slack");
        RecordedRequest first = logsRequests().get(0);
        long firstOldest = Long.parseLong(first.param("oldest"));
        // the consumer fixes oldest when it starts, shortly before its first request
        long threeHoursBeforeFirstRequest = first.time().minus(Duration.ofHours(3)).getEpochSecond();
        assertTrue(firstOldest <= threeHoursBeforeFirstRequest && firstOldest > threeHoursBeforeFirstRequest - 60,
                "first oldest " + firstOldest + " is three hours before the first request ("
                        + threeHoursBeforeFirstRequest + ")");
        // the Kamelet exposes no limit: the component's default page size applies
        assertTrue(logsRequests().stream().allMatch(request -> "9999".equals(request.param("limit"))), "limit");
    }

    @Test
    void keepsTheCheckpointInTheStateRepositoryBeanTheKameletNames() {
        // the checkpoint is the first second not yet delivered: past the newest event once all are delivered
        await().atMost(TIMEOUT).until(() -> checkpoints.getState(STATE_KEY) != null
                && Instant.parse(checkpoints.getState(STATE_KEY).split(" ")[0]).getEpochSecond() > slack.newestDateCreate());
    }

    @Test
    void resolvesTheComponentFromTheKameletsDependencies() {
        CamelRun.assertResolvedByTheRuntime(main.getCamelContext().getComponent("slack-auditlogs").getClass());
    }

    private static List<RecordedRequest> logsRequests() {
        return slack.requests().stream().filter(request -> request.path().endsWith("/logs")).toList();
    }
}
