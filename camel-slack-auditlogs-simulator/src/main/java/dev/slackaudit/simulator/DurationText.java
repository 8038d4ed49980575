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
package dev.slackaudit.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads durations as people type them on a command line: {@code 20s}, {@code -120s}, {@code 500ms}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT20S}. */
final class DurationText {

    static final String FORMS = "a number with ms, s, m or h (e.g. 20s, -120s, 500ms), or ISO-8601 (e.g. PT20S)";

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming {@code what}, the text as typed and the accepted forms */
    static Duration parse(String what, String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.toUpperCase(Locale.ROOT).startsWith("PT") || trimmed.toUpperCase(Locale.ROOT).startsWith("-PT")) {
                return Duration.parse(trimmed);
            }
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
            }
            if (lower.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            if (lower.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            if (lower.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(what, text, e);
        }
        throw invalid(what, text, null);
    }

    private static IllegalArgumentException invalid(String what, String text, Exception cause) {
        return new IllegalArgumentException(what + " needs a duration, " + FORMS + "; got '" + text + "'", cause);
    }
}
