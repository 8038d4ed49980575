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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the {@code oldest} and {@code latest} options: Unix seconds ({@code 1763683200}), an ISO-8601 instant
 * ({@code 2026-11-21T00:00:00Z}), a UTC date ({@code 2026-11-21}), or an ISO-8601 duration meaning "that long before
 * now" ({@code P7D}, {@code PT12H}).
 */
final class PointInTime {

    private PointInTime() {
    }

    /** The Unix second {@code value} stands for, relative to {@code now}; {@code null} for a blank value. */
    static Long resolve(String option, String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(text);
            }
            if (text.startsWith("P") || text.startsWith("p")) {
                Duration ago = Duration.parse(text);
                if (ago.isNegative()) {
                    throw new IllegalArgumentException("Invalid " + option + " '" + value + "': a duration means that"
                                                       + " long ago and must not be negative, e.g. P7D");
                }
                return now.minus(ago).getEpochSecond();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid " + option + " '" + value + "': use Unix seconds (1763683200), an"
                                               + " ISO-8601 instant (2026-11-21T00:00:00Z), a UTC date (2026-11-21) or"
                                               + " an ISO-8601 duration meaning that long ago (P7D, PT12H)", e);
        }
    }
}
