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
package dev.slackaudit.camel.options;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@code action} option (and header) as a list of names, checks them against Slack's {@code /actions} list
 * and suggests the closest valid ones for a typo.
 */
public final class ActionNames {

    private ActionNames() {
    }

    /** The names in a comma-separated list, trimmed, without blanks and repeats, in the order given. */
    public static List<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * Fails if a name is unknown, naming it and the closest valid names.
     *
     * @param known every valid name
     */
    public static void check(List<String> names, Set<String> known) {
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown action '" + name + "' in the action option: Slack's"
                                                   + " /actions does not list it. Closest valid names: "
                                                   + String.join(", ", closest(name, known, 3)));
            }
        }
    }

    static List<String> closest(String name, Collection<String> known, int count) {
        return known.stream()
                .sorted(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(count)
                .collect(Collectors.toList());
    }

    /**
     * Levenshtein edit distance. Written here because no library on the classpath has one, and commons-text would be a
     * dependency for fifteen lines.
     */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
