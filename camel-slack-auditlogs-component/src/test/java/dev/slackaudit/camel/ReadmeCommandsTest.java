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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.slackaudit.camel.testing.Readmes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every block of commands in a README (a fenced block marked sh, bash, shell or console, or an unmarked one that starts
 * with a command) says whether this project runs it: right above the block, either
 * {@code <!-- command run by SomeTest -->} (a test class of the project, or a script such as {@code .ci/run}), or
 * {@code <!-- command not run by a test: the reason -->}. A new README section with an unmarked command fails the build.
 */
class ReadmeCommandsTest {

    private static final Pattern FENCED_BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$");
    private static final Pattern COMMAND_LINE = Pattern.compile("^(\\$ |mvn |java |curl |camel |export |cd |git |jbang )");
    private static final Pattern RUN_BY = Pattern.compile("<!-- command run by ([\\w./-]+)[^>]*-->\\n\\s*$");
    private static final Pattern NOT_RUN = Pattern.compile("<!-- command not run by a test: [^>]{10,}-->\\n\\s*$");

    @Test
    void everyCommandBlockIsRunByATestOrSaysWhyNot() {
        List<String> unmarked = new ArrayList<>();
        Readmes.all().forEach((file, text) -> {
            Matcher block = FENCED_BLOCK.matcher(text);
            while (block.find()) {
                if (!isCommands(block.group(1), block.group(2))) {
                    continue;
                }
                String before = text.substring(Math.max(0, block.start() - 400), block.start());
                Matcher runBy = RUN_BY.matcher(before);
                String where = file + ":" + Readmes.lineOf(text, block.start());
                if (runBy.find()) {
                    if (!exists(runBy.group(1))) {
                        unmarked.add(where + " names " + runBy.group(1) + ", which is no test class or file of the project");
                    }
                } else if (!NOT_RUN.matcher(before).find()) {
                    unmarked.add(where + " " + block.group(2).lines().findFirst().orElse(""));
                }
            }
        });
        assertTrue(unmarked.isEmpty(), () -> "command blocks without <!-- command run by X --> or <!-- command not run"
                                             + " by a test: reason --> right above them:\n" + String.join("\n", unmarked));
    }

    private static boolean isCommands(String language, String body) {
        if (List.of("sh", "bash", "shell", "console").contains(language)) {
            return true;
        }
        return language.isEmpty() && body.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst().map(line -> COMMAND_LINE.matcher(line).find()).orElse(false);
    }

    /** A test class of any module ({@code DemoExportTest}) or a file of the project ({@code .ci/run}). */
    private static boolean exists(String runner) {
        if (Files.exists(Readmes.PROJECT.resolve(runner))) {
            return true;
        }
        try (Stream<Path> files = Files.find(Readmes.PROJECT, 12, (file, attributes) ->
                file.getFileName().toString().equals(runner + ".java") && file.toString().contains("src/test/java"))) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
