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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Reads the {@code oldest} and {@code latest} options and the point in time of the JMX operation
 * {@code resetCheckpointTo}: Unix seconds ({@code 1763683200}), an ISO-8601 instant ({@code 2026-11-21T00:00:00Z}), a
 * UTC date ({@code 2026-11-21}), or an ISO-8601 duration meaning "that long before now" ({@code P7D}, {@code PT12H}).
 * Slack holds audit events from March 2018 to now and refuses any other range with {@code invalid_range}, so a point
 * outside that span is refused here, where it is set, rather than at the first poll (or, for a consumer starting in
 * the future, never: it would wait for that day without a word).
 */
public final class PointInTime {

    /** Slack: "data is not available prior to March 2018". */
    public static final Instant AUDIT_LOGS_BEGIN = Instant.parse("2018-03-01T00:00:00Z");
    private static final String FORMS = "use Unix seconds (1763683200), an ISO-8601 instant (2026-11-21T00:00:00Z), a"
                                        + " UTC date (2026-11-21) or an ISO-8601 duration meaning that long ago (P7D,"
                                        + " PT12H)";

    private PointInTime() {
    }

    /**
     * The Unix second {@code value} stands for, relative to {@code now}; {@code null} for a blank value.
     *
     * @throws IllegalArgumentException naming {@code option}, the value as typed and what is accepted
     */
    public static Long resolve(String option, String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant point = read(option, value, now);
        if (point.isAfter(now)) {
            throw new IllegalArgumentException("Invalid " + option + " '" + value + "': " + point + " is in the future"
                                               + " (now is " + now.truncatedTo(ChronoUnit.SECONDS) + "); Slack holds"
                                               + " audit events from March 2018 to now and refuses a later range");
        }
        if (point.isBefore(AUDIT_LOGS_BEGIN)) {
            throw new IllegalArgumentException("Invalid " + option + " '" + value + "': " + point + " is before March"
                                               + " 2018, when Slack's audit logs begin; use " + AUDIT_LOGS_BEGIN
                                               + " or later");
        }
        return point.getEpochSecond();
    }

    private static Instant read(String option, String value, Instant now) {
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.startsWith("P") || text.startsWith("p")) {
                Duration ago = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (ago.isNegative()) {
                    throw new IllegalArgumentException("Invalid " + option + " '" + value + "': a duration means that"
                                                       + " long ago and must not be negative, e.g. P7D");
                }
                return now.minus(ago);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            // no cause: a JMX client shows the innermost message, which would be the parser's bare "could not be parsed"
            throw new IllegalArgumentException("Invalid " + option + " '" + value + "': " + FORMS);
        }
    }
}
