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

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.Component;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code camel run audit.camel.yaml application.properties --dep=dev.slackaudit:camel-slack-auditlogs:<version>
 * --prop camel.component.slack-auditlogs.base-url=<simulator>
 * --prop camel.component.slack-auditlogs.max-requests-per-minute=0} does, run through camel-kamelet-main: the README's
 * YAML route and properties file as they are, the component not on the classpath but declared as a dependency.
 * The route writes to data/audit relative to the working directory (surefire's: target/camel-run).
 */
class CamelRunYamlRouteTest {

    private static final Path RESOURCES = Path.of(System.getProperty("test.resources"), "jbang");
    private static final Path OUTPUT = Path.of("data/audit/audit.jsonl").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    // one run for all specifications: booting the runtime is what costs (seconds), not asserting on it
    private static SlackAuditLogsSimulator slack;
    private static KameletMain main;

    @BeforeAll
    static void camelRun() throws Exception {
        Files.deleteIfExists(OUTPUT);
        Instant now = Instant.now();
        // the README's route sets no oldest: the component's default (a day) must reach all of them
        slack = SlackAuditLogsSimulator.builder().token(System.getenv("SLACK_AUDIT_TOKEN")).events(800)
                .timeSpan(now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(10))).build().start();

        main = CamelRun.kameletMain();
        main.addInitialProperty("camel.jbang.dependencies", CamelRun.COMPONENT_GAV);
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + RESOURCES.resolve("audit.camel.yaml"));
        main.setPropertyPlaceholderLocations("file:" + RESOURCES.resolve("application.properties"));
        main.addInitialProperty("camel.component.slack-auditlogs.base-url", slack.baseUrl());
        // the simulator has no quota: no need to pace a day of history at 20 requests a minute
        main.addInitialProperty("camel.component.slack-auditlogs.max-requests-per-minute", "0");
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void appendsEveryEventOnceToTheFileOfTheYamlRoute() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> lines().size() >= slack.eventCount());

        List<String> ids = new ArrayList<>();
        for (String line : lines()) {
            ids.add(JSON.readTree(line).get("id").asText());
        }
        assertEquals(slack.eventIds().stream().sorted().toList(), ids.stream().sorted().toList());
        assertTrue(slack.requests().stream().allMatch(request -> request.authorized()),
                "every request carried the token application.properties read from SLACK_AUDIT_TOKEN");
    }

    @Test
    void resolvesTheComponentFromTheDeclaredDependencyNotTheClasspath() {
        Component component = main.getCamelContext().getComponent("slack-auditlogs");

        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.slackaudit.camel.SlackAuditLogsComponent"),
                "the test's own classpath must not hold the component");
        CamelRun.assertResolvedByTheRuntime(component.getClass());
    }

    private static List<String> lines() throws IOException {
        return Files.exists(OUTPUT) ? Files.readAllLines(OUTPUT) : List.of();
    }
}
