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

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule of one duration option ({@code lag}, {@code overlap}, {@code windowSize}, {@code recheck},
 * {@code recheckInterval}, {@code retryDelay}, the timeouts, {@code delay}, {@code initialDelay}) and the strict reading
 * of the text a user typed for it.
 * <p>
 * Hand-written rather than Camel's String-to-Duration type converter, because that converter turns any text it does
 * not recognize ({@code abc}, {@code 1 week}, {@code -5s}, {@code PT-5S}) into zero: {@code overlap=abc} would quietly
 * switch off the re-read of late events. The options are therefore typed as text and read here, which every way of
 * setting them goes through (URI, component, camel-main and Spring Boot properties), and a value that cannot be used
 * as typed is refused with the option's name, the text and the forms accepted.
 * <p>
 * Accepted: an ISO-8601 duration ({@code PT5M}, {@code PT1H30M}, {@code P1D}); a number with a unit, as Camel and
 * Spring Boot write them ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code 500ms}); a plain number, which
 * means milliseconds, as in Camel's {@code delay} and Spring Boot's durations.
 */
public enum DurationOption {

    LAG("lag", true, false),
    OVERLAP("overlap", true, false),
    WINDOW_SIZE("windowSize", true, true),
    /** Zero switches the recheck off. */
    RECHECK("recheck", true, false),
    RECHECK_INTERVAL("recheckInterval", true, true),
    RETRY_DELAY("retryDelay", false, false),
    CONNECT_TIMEOUT("connectTimeout", false, true),
    SOCKET_TIMEOUT("socketTimeout", false, true),
    /** Zero would poll without a pause and spend the organization's quota. */
    DELAY("delay", false, true),
    /** Inherited from Camel's scheduler, which reads it in milliseconds (read by TypedOptionsChecked). */
    INITIAL_DELAY("initialDelay", false, false);

    /** Days, hours, minutes, seconds, milliseconds, each at most once and in that order: 1h30m, 90s, 500ms, 2d. */
    private static final Pattern WITH_UNITS = Pattern.compile(
            "(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?", Pattern.CASE_INSENSITIVE);
    private static final String FORMS = "an ISO-8601 duration (PT5M, PT1H30M, P1D), a number with a unit (90s, 5m,"
                                        + " 1h30m, 2d, 500ms) or a plain number of milliseconds (300000)";

    private final String option;
    /** Slack's timestamps are whole seconds: a range bound of 1.5 s cannot be asked for. */
    private final boolean wholeSeconds;
    private final boolean positive;

    DurationOption(String option, boolean wholeSeconds, boolean positive) {
        this.option = option;
        this.wholeSeconds = wholeSeconds;
        this.positive = positive;
    }

    /**
     * The duration {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the option, the text as typed and the forms accepted, if the text is not
     *                                  a duration or breaks this option's rule
     */
    public Duration parse(String text) {
        Duration value = read(text);
        if (value == null || value.isNegative() || positive && value.isZero()
            || wholeSeconds && value.getNano() != 0) {
            throw new IllegalArgumentException("Invalid " + option + " '" + text + "': " + rule() + ", written as "
                                               + FORMS);
        }
        return value;
    }

    /** What this option accepts, in words. */
    private String rule() {
        if (wholeSeconds) {
            return positive ? "a whole number of seconds, at least one" : "a whole number of seconds, zero or more";
        }
        return positive ? "a duration longer than zero" : "a duration of zero or more";
    }

    /** The text as a duration, or {@code null} when it is in none of the accepted forms. */
    private static Duration read(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            if (trimmed.chars().allMatch(Character::isDigit)) {
                return Duration.ofMillis(Long.parseLong(trimmed));
            }
            if (trimmed.charAt(0) == 'P' || trimmed.charAt(0) == 'p') {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
            Matcher units = WITH_UNITS.matcher(trimmed);
            if (!units.matches()) {
                return null;
            }
            return Duration.ofDays(number(units, 1)).plusHours(number(units, 2)).plusMinutes(number(units, 3))
                    .plusSeconds(number(units, 4)).plusMillis(number(units, 5));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return null; // includes numbers too large for a long or a Duration
        }
    }

    private static long number(Matcher units, int group) {
        String digits = units.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
