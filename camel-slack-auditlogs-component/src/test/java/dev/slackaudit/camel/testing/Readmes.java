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
package dev.slackaudit.camel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every README.md of the project (the root's, each module's, and any added later), read from the source tree, and the
 * component's generated catalog: what the tests that keep the documentation true compare.
 */
public final class Readmes {

    /** The project root: the tests run in the component module's directory. */
    public static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private Readmes() {
    }

    /** Each README's text by its path relative to the project root; build output and hidden folders are skipped. */
    public static Map<String, String> all() {
        Map<String, String> readmes = new TreeMap<>();
        try {
            Files.walkFileTree(PROJECT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    return !dir.equals(PROJECT) && (name.equals("target") || name.startsWith("."))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (file.getFileName().toString().equals("README.md")) {
                        readmes.put(PROJECT.relativize(file).toString(), Files.readString(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readmes;
    }

    /** The line number (from 1) of a position in a text, for messages that point at the README line. */
    public static int lineOf(String text, int position) {
        return (int) text.substring(0, position).chars().filter(c -> c == '\n').count() + 1;
    }

    public static JsonNode catalog() {
        try (InputStream in = Readmes.class.getResourceAsStream("/META-INF/dev/slackaudit/camel/slack-auditlogs.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
