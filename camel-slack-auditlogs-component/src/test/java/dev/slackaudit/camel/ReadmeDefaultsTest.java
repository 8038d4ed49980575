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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slackaudit.camel.testing.Readmes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every default and description a README states for an option is the catalog's, in every README of the project
 * (sections added later included): a changed default, a reworded description or a README edited by hand fails the
 * build, with the file and line.
 * <p>
 * Checked: the rows of any table whose second column is headed "default" that name an option, as {@code name} (URI
 * reference) or {@code camel.component.slack-auditlogs.kebab-name} (properties); and prose, in the READMEs and in
 * {@code docs/}, of the forms {@code `option` (default 20 seconds...)}, {@code `option` (20 by default)},
 * {@code (`option`, default true)} and {@code the default `option` of 20 s}. A description may stop after any of the
 * catalog's sentences and may end with a link ("See [Batching](#batching).").
 */
class ReadmeDefaultsTest {

    private static final String PROPERTY_PREFIX = "camel.component.slack-auditlogs.";
    /** Spring Boot's own switches of the starter, not component options. */
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled", "customizer.enabled");
    private static final Pattern TABLE_HEADER = Pattern.compile("(?m)^\\|\\s*\\w+\\s*\\|\\s*[Dd]efault\\s*\\|.*$");
    private static final Pattern OPTION_ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\| (.*) \\|$");
    /** Prose stating an option's default: the option in group 1, the value in group 2. */
    private static final List<Pattern> PROSE_DEFAULTS = List.of(
            Pattern.compile("`(\\w+)` \\(default ([^):;,]+)"),
            Pattern.compile("`(\\w+)` \\(([^()`]+?) by default\\)"),
            Pattern.compile("\\(`(\\w+)`, default ([^):;,]+)\\)"),
            Pattern.compile("default `(\\w+)` of ([^):;,.]+)"));
    private static final Pattern LINK_SENTENCE = Pattern.compile(" See \\[[^]]+]\\([^)]+\\)\\.$");
    private static final Pattern HUMAN_DURATION = Pattern.compile("(\\d+) ?(ms|s|seconds?|min|minutes?|h|hours?)");

    private final JsonNode catalog = Readmes.catalog();
    private final Map<String, JsonNode> options = options();
    private final List<String> mismatches = new ArrayList<>();

    @Test
    void everyOptionRowStatesTheCatalogsDefaultAndDescription() {
        Readmes.all().forEach((file, text) -> {
            Matcher header = TABLE_HEADER.matcher(text);
            while (header.find()) {
                int position = text.indexOf('\n', header.end() + 1) + 1; // past the |---| line
                for (String line : text.substring(position).split("\n")) {
                    if (!line.startsWith("|")) {
                        break;
                    }
                    checkRow(file + ":" + Readmes.lineOf(text, position), line);
                    position += line.length() + 1;
                }
            }
        });
        assertTrue(mismatches.isEmpty(), () -> "README rows that differ from the catalog:\n" + String.join("\n", mismatches));
    }

    @Test
    void everyDefaultStatedInProseIsTheCatalogs() throws IOException {
        int stated = 0;
        for (Map.Entry<String, String> document : documents().entrySet()) {
            String text = document.getValue();
            for (Pattern form : PROSE_DEFAULTS) {
                Matcher prose = form.matcher(text);
                while (prose.find()) {
                    JsonNode option = options.get(prose.group(1));
                    if (option == null) {
                        continue;
                    }
                    stated++;
                    if (!sameValue(prose.group(2).trim(), option.path("defaultValue").asText())) {
                        mismatches.add(document.getKey() + ":" + Readmes.lineOf(text, prose.start()) + " says "
                                       + prose.group() + ", the catalog's default is "
                                       + option.path("defaultValue").asText());
                    }
                }
            }
        }
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
        assertTrue(stated > 0, "no default stated in prose was found: the patterns no longer match the documents");
    }

    /** Every README, and the documents under docs/, by path from the project root. */
    private static Map<String, String> documents() throws IOException {
        Map<String, String> documents = new TreeMap<>(Readmes.all());
        try (Stream<Path> docs = Files.list(Readmes.PROJECT.resolve("docs"))) {
            for (Path doc : docs.filter(file -> file.toString().endsWith(".md")).toList()) {
                documents.put(Readmes.PROJECT.relativize(doc).toString(), Files.readString(doc));
            }
        }
        return documents;
    }

    @Test
    void readsTheRootReadmesRowsAtAll() {
        // guards the scan itself: a table format the patterns no longer match would make the tests above pass empty
        Set<String> named = Readmes.all().get("README.md").lines().filter(line -> OPTION_ROW.matcher(line).matches())
                .map(line -> line.substring(3, line.indexOf('`', 3))).collect(Collectors.toSet());
        Set<String> endpointOptions = new TreeSet<>();
        catalog.path("properties").fieldNames().forEachRemaining(endpointOptions::add);
        endpointOptions.remove("method");
        endpointOptions.removeAll(named);
        assertEquals(Set.of(), endpointOptions, "endpoint options the scan found no README row for");
    }

    private void checkRow(String where, String line) {
        Matcher row = OPTION_ROW.matcher(line);
        if (!row.matches()) {
            return;
        }
        String name = row.group(1);
        JsonNode option = options.get(name);
        if (option == null) {
            if (name.startsWith(PROPERTY_PREFIX) && !STARTER_SWITCHES.contains(name.substring(PROPERTY_PREFIX.length()))) {
                mismatches.add(where + " " + name + " is no component option of the catalog");
            }
            return;
        }
        String stated = row.group(2).trim().replace("`", "");
        String expected = option.path("defaultValue").asText();
        if (!stated.equals(expected)) {
            mismatches.add(where + " " + name + ": default '" + stated + "', the catalog's is '" + expected + "'");
        }
        String description = LINK_SENTENCE.matcher(row.group(3)).replaceFirst("");
        String catalogDescription = option.path("description").asText();
        if (!catalogDescription.equals(description)
            && !(description.endsWith(".") && catalogDescription.startsWith(description + " "))) {
            mismatches.add(where + " " + name + ": description is not the catalog's first sentences:\n    README:  "
                           + description + "\n    catalog: " + catalogDescription);
        }
    }

    /** "20 seconds" against 20000 (milliseconds), "6 minutes" against PT6M; anything else as written. */
    private static boolean sameValue(String stated, String catalogValue) {
        Matcher human = HUMAN_DURATION.matcher(stated);
        if (human.matches() && !catalogValue.isEmpty()) {
            long amount = Long.parseLong(human.group(1));
            String unit = human.group(2);
            Duration duration = unit.equals("ms") ? Duration.ofMillis(amount)
                    : unit.startsWith("s") ? Duration.ofSeconds(amount)
                    : unit.startsWith("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
            Duration expected = catalogValue.startsWith("P") ? Duration.parse(catalogValue)
                    : Duration.ofMillis(Long.parseLong(catalogValue));
            return duration.equals(expected);
        }
        return stated.replace("`", "").equals(catalogValue);
    }

    /** Endpoint options by name, and component options by name and by their Spring Boot / camel-main property. */
    private Map<String, JsonNode> options() {
        Map<String, JsonNode> byName = new HashMap<>();
        catalog.path("componentProperties").fields().forEachRemaining(option -> {
            byName.put(option.getKey(), option.getValue());
            byName.put(PROPERTY_PREFIX + option.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(), option.getValue());
        });
        catalog.path("properties").fields().forEachRemaining(option -> byName.put(option.getKey(), option.getValue()));
        return byName;
    }
}
