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
package dev.slackaudit.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as shipped, in Quarkus JVM mode: the application's route and beans, its application.properties (test
 * profile), the component discovered through its Jandex index, against a simulated organization on loopback.
 */
@QuarkusTest
@WithTestResource(SlackSimulatorResource.class)
class AuditRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The example's own checkpoint key (camel.component.slack-auditlogs.state-key). */
    private static final String STATE_KEY = "quarkus-example";

    @InjectSlackSimulator
    SlackAuditLogsSimulator slack;

    @Inject
    @Named("fileState")
    FileStateRepository fileState;

    @Inject
    @Named("deliveredIds")
    IdempotentRepository deliveredIds;

    @Test
    void writesEveryEventExactlyOnceAsOneJsonLine() throws IOException {
        await().atMost(TIMEOUT).until(() -> jsonLines().size() >= slack.eventCount());
        // the polls after catching up read the overlap again: they must append nothing
        int requestsWhenComplete = logsRequests().size();
        await().atMost(TIMEOUT).until(() -> logsRequests().size() >= requestsWhenComplete + 2);

        List<String> ids = new ArrayList<>();
        for (String line : jsonLines()) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        assertEquals(sorted(slack.eventIds()), sorted(ids));
    }

    @Test
    void authenticatesWithTheTokenFromApplicationProperties() {
        await().atMost(TIMEOUT).until(() -> !logsRequests().isEmpty());

        // the simulator accepts SlackSimulatorResource.TOKEN only; a component without it would get 401s
        assertTrue(logsRequests().stream().allMatch(RecordedRequest::authorized), "every /logs request authorized");
        assertTrue(logsRequests().stream().allMatch(request -> request.status() == 200),
                "every /logs request answered 200");
    }

    @Test
    void sendsTheOptionsFromApplicationProperties() {
        await().atMost(TIMEOUT).until(() -> !logsRequests().isEmpty());

        assertTrue(logsRequests().stream().allMatch(request -> "250".equals(request.param("limit"))),
                "limit = 250 on every page");
        // oldest = PT3H: the first request starts three hours before the application started, not Slack's default day
        RecordedRequest first = logsRequests().get(0);
        long firstOldest = Long.parseLong(first.param("oldest"));
        // the consumer fixes oldest when it starts, shortly before its first request
        long threeHoursBeforeFirstRequest = first.time().minus(Duration.ofHours(3)).getEpochSecond();
        assertTrue(firstOldest <= threeHoursBeforeFirstRequest && firstOldest > threeHoursBeforeFirstRequest - 60,
                "first oldest " + firstOldest + " is three hours before the first request ("
                        + threeHoursBeforeFirstRequest + ")");
    }

    @Test
    void keepsTheCheckpointInTheFileStateRepository() {
        // the checkpoint is the first second not yet delivered: past the newest event once all are delivered
        await().atMost(TIMEOUT).until(() -> fileState.getState(STATE_KEY) != null
                && Instant.parse(fileState.getState(STATE_KEY).split(" ")[0]).getEpochSecond() > slack.newestDateCreate());
    }

    @Test
    void remembersTheDeliveredIdsInTheFileIdempotentRepository() {
        await().atMost(TIMEOUT).until(() -> slack.eventIds().stream()
                .allMatch(id -> deliveredIds.contains(STATE_KEY + "/" + id)));
    }

    private List<RecordedRequest> logsRequests() {
        return slack.requests().stream().filter(request -> request.path().endsWith("/logs")).toList();
    }

    /** The lines of every day file the route wrote. */
    private static List<String> jsonLines() throws IOException {
        Path directory = SlackSimulatorResource.DATA.resolve("audit");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).sorted()
                    .flatMap(AuditRoutesTest::readLines).toList();
        }
    }

    private static Stream<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
