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
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A simulated organization on loopback for the application under test, started before Quarkus boots it. It accepts
 * only {@link #TOKEN}, the {@code %test.SLACK_AUDIT_TOKEN} of {@code application.properties}, and supplies the one
 * setting that file cannot know: the simulator's base URL on an ephemeral port.
 */
public class SlackSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The token application.properties gives the component in the test profile. */
    static final String TOKEN = "xoxp-quarkus-example-0123456789-secret";

    /** Where the test profile of application.properties writes the events, the checkpoint and the delivered ids. */
    static final Path DATA = Path.of("target/quarkus-test");

    private SlackAuditLogsSimulator slack;

    @Override
    public Map<String, String> start() {
        deleteRecursively(DATA); // a checkpoint left by an earlier run would make the application skip the events
        Instant now = Instant.now();
        // well inside the application's first reach (oldest = PT3H) and older than its lag
        slack = SlackAuditLogsSimulator.builder().token(TOKEN).events(1_500)
                .timeSpan(now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(10))).build().start();
        return Map.of("camel.component.slack-auditlogs.base-url", slack.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(slack,
                new TestInjector.AnnotatedAndMatchesType(InjectSlackSimulator.class, SlackAuditLogsSimulator.class));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.close();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + directory, e);
        }
    }
}
