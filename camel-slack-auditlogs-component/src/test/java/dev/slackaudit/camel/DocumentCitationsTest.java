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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document a comment or README cites is in the repository: someone who clones the project can follow each
 * citation. Scans the sources, POMs and Markdown files of every module.
 */
class DocumentCitationsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The section signs of the notes kept outside the repository, which a clone cannot follow. */
    private static final Pattern OUTSIDE_NOTES = Pattern.compile("\\b(DESIGN|REFERENCE|PEERS)\\s*§");
    /** A repository document, and the start of the section named after it: "docs/architecture.md, The window". */
    private static final Pattern DOCS_CITATION = Pattern.compile("docs/([A-Za-z0-9_-]+\\.md)(?:, ([A-Z][^,).;:\\]`\"*\\n]*))?");

    private static List<Path> citingFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !ROOT.relativize(file).getName(0).toString().startsWith("."))
                    .filter(file -> !file.toString().contains("/target/") && !file.toString().contains("\\target\\"))
                    .filter(file -> file.toString().matches(".*\\.(java|xml|md|yaml|properties)$"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noFileCitesTheNotesKeptOutsideTheRepository() {
        List<String> citations = new ArrayList<>();
        for (Path file : citingFiles()) {
            Matcher found = OUTSIDE_NOTES.matcher(read(file));
            while (found.find()) {
                citations.add(ROOT.relativize(file) + ": " + found.group());
            }
        }
        assertEquals(List.of(), citations, "cite docs/ in the repository instead (write the fact there first)");
    }

    @Test
    void everyCitedDocumentAndSectionExists() {
        List<String> missing = new ArrayList<>();
        int citations = 0;
        for (Path file : citingFiles()) {
            Matcher cited = DOCS_CITATION.matcher(read(file));
            while (cited.find()) {
                citations++;
                Path document = ROOT.resolve("docs").resolve(cited.group(1));
                if (!Files.isRegularFile(document)) {
                    missing.add(ROOT.relativize(file) + ": " + cited.group());
                } else if (cited.group(2) != null && !hasSectionStartingWith(document, cited.group(2))) {
                    missing.add(ROOT.relativize(file) + ": " + cited.group() + " (no such section)");
                }
            }
        }
        assertTrue(citations > 20, "the scan found the citations: " + citations);
        assertEquals(List.of(), missing);
    }

    /** Whether a heading of {@code document} starts with {@code section} (a comment may wrap the rest of its name). */
    private static boolean hasSectionStartingWith(Path document, String section) {
        String wanted = section.strip().toLowerCase(Locale.ROOT);
        return read(document).lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").replace("`", "").toLowerCase(Locale.ROOT))
                .anyMatch(heading -> heading.startsWith(wanted));
    }
}
