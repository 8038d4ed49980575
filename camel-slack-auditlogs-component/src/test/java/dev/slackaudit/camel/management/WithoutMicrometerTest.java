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

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.slackaudit.camel.testing.BackfillProcess;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micrometer is an optional dependency: an application without it must run the consumer as before. A JVM of its own
 * ({@link BackfillProcess}) gets this module's test class path without the Micrometer jars.
 */
class WithoutMicrometerTest {

    private static final String TOKEN = "xoxp-no-micrometer";

    @TempDir
    Path dir;

    @Test
    void aConsumerRunsWithoutMicrometerOnTheClassPath() throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> withoutMicrometer = classPath.stream().filter(entry -> !entry.contains("micrometer")).toList();
        assertTrue(withoutMicrometer.size() < classPath.size(), "the test class path has Micrometer to take away");

        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(16).events(200)
                .build().start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Dlog4j2.configurationFile=log4j2-child.properties",
                    "-cp", withoutMicrometer.stream().collect(Collectors.joining(File.pathSeparator)),
                    BackfillProcess.class.getName(), simulator.baseUrl(), TOKEN,
                    Long.toString(simulator.oldestDateCreate()), Long.toString(simulator.newestDateCreate()),
                    dir.toString(), "limit=200", "false");
            builder.redirectErrorStream(true);
            builder.redirectOutput(dir.resolve("process.log").toFile());
            Process process = builder.start();
            try {
                assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the consumer finished in time");
            } finally {
                process.destroyForcibly();
            }

            String log = Files.readString(dir.resolve("process.log"));
            assertEquals(0, process.exitValue(), log);
            assertTrue(log.contains("DONE events=" + simulator.eventCount()), log);
            assertFalse(log.contains("NoClassDefFoundError") || log.contains("ClassNotFoundException"), log);
            assertEquals(simulator.eventCount(), Files.readAllLines(dir.resolve("events.jsonl")).size());
        }
    }
}
