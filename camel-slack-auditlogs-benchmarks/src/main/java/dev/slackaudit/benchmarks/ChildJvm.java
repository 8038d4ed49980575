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
package dev.slackaudit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts {@link ContenderMain} in a JVM of its own, with this JVM's java binary and class path, and reads back its
 * {@link DrainResult}. The child's stderr goes to a log file next to its work directory, for post-mortems.
 */
final class ChildJvm {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 40;

    private final String xmx;
    private final List<String> jvmOptions;

    ChildJvm(String xmx, List<String> jvmOptions) {
        this.xmx = xmx;
        this.jvmOptions = jvmOptions;
    }

    /** The options every child gets, as the report prints them. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + xmx);
        options.addAll(jvmOptions);
        return options;
    }

    DrainResult run(ContenderKind contender, DrainTarget target, Path workDirectory, boolean recordIds)
            throws IOException, InterruptedException {
        deleteRecursively(workDirectory); // a JSON Lines file left by an earlier run would be appended to
        Files.createDirectories(workDirectory);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ContenderMain.class.getName(),
                "--contender", contender.name(), "--base-url", target.baseUrl(), "--token", target.token(),
                "--oldest", Long.toString(target.oldest()), "--latest", Long.toString(target.latest()),
                "--limit", Integer.toString(target.limit()),
                "--max-requests-per-minute", Integer.toString(target.maxRequestsPerMinute()),
                "--component-options", target.componentOptions(),
                "--work-dir", workDirectory.toString(), "--record-ids", Boolean.toString(recordIds)));
        Path log = workDirectory.resolve("contender.log");
        Path out = workDirectory.resolve("contender.out");
        // both streams to files, so waiting for the child is bounded by the timeout, not by its stdout closing
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        DrainResult result = null;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith(DrainResult.LINE_PREFIX)) {
                result = MAPPER.readValue(line.substring(DrainResult.LINE_PREFIX.length()), DrainResult.class);
            }
        }
        if (result == null) {
            throw new IllegalStateException(contender + " (limit " + target.limit() + ") reported no result, exit code "
                                            + process.exitValue() + ": " + firstError(log) + " (see " + log + ")");
        }
        return result;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The first exception line of a child's log: enough to say why a contender failed. */
    private static String firstError(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.startsWith("Exception")
                                                               || line.startsWith("Caused by")).findFirst()
                .orElse("no exception logged");
    }
}
