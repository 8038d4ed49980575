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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.slackaudit.camel.testing.Readmes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The component's packages are as the README's "Project layout" describes them: each package it lists exists, every
 * package the sources have is listed, and the HTTP client and the model stay below the Camel surface (they import
 * nothing of the component but the model, so they can be read, and tested, on their own).
 */
class PackageLayoutTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/slackaudit/camel");
    private static final Pattern OWN_IMPORT = Pattern.compile("^import (dev\\.slackaudit\\.camel(?:\\.[a-z]+)*)\\.[A-Z]",
                                                              Pattern.MULTILINE);

    @Test
    void theClientImportsNothingOfTheComponentButTheModel() throws IOException {
        assertEquals(Set.of("dev.slackaudit.camel.model"), importedPackages("client"));
    }

    @Test
    void theModelImportsNothingOfTheComponent() throws IOException {
        assertEquals(Set.of(), importedPackages("model"));
    }

    @Test
    void theReadmeListsEveryPackageOfTheComponentAndNoOther() throws IOException {
        String readme = Files.readString(Readmes.PROJECT.resolve("README.md"));
        String layout = readme.substring(readme.indexOf("## Project layout"), readme.indexOf("## Compatibility"));
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `(dev\\.slackaudit\\.camel[a-z.]*)`((?:, `\\.[a-z]+`)*) \\|",
                                      Pattern.MULTILINE).matcher(layout);
        while (row.find()) {
            listed.add(row.group(1));
            Matcher sub = Pattern.compile("`(\\.[a-z]+)`").matcher(row.group(2));
            while (sub.find()) {
                listed.add(row.group(1) + sub.group(1));
            }
        }
        assertEquals(packagesOfTheSources(), listed);
    }

    private static Set<String> importedPackages(String pkg) throws IOException {
        Set<String> imported = new TreeSet<>();
        for (Path file : javaFiles(SOURCES.resolve(pkg))) {
            Matcher m = OWN_IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).equals("dev.slackaudit.camel." + pkg)) {
                    imported.add(m.group(1));
                }
            }
        }
        return imported;
    }

    private static Set<String> packagesOfTheSources() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path file : javaFiles(SOURCES)) {
            Path dir = SOURCES.relativize(file).getParent();
            packages.add("dev.slackaudit.camel" + (dir == null ? "" : "." + dir.toString().replace('/', '.')));
        }
        return packages;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
