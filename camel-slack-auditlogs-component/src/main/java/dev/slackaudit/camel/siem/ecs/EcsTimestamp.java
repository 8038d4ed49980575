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
package dev.slackaudit.camel.siem.ecs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event's {@code @timestamp}: {@code date_create} (whole Unix seconds), or for an {@code anomaly} the more precise
 * {@code details.action_timestamp}, which Slack sends in milliseconds or in microseconds (docs/ecs.md).
 */
final class EcsTimestamp {

    /** Values above this are microseconds: 10^13 ms is the year 2286, 10^13 µs is 1970-04-26 (Elastic's rule too). */
    private static final long MICROSECONDS_ABOVE = 10_000_000_000_000L;
    /** The last instant written as a date: ISO 8601 with four-digit years, as every date Slack can send. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EcsTimestamp() {
    }

    /** {@code action_timestamp} as an instant, or {@code null} if it is absent or not a whole number (or its text). */
    static Instant ofActionTimestamp(JsonNode value) {
        Long number = wholeNumber(value);
        if (number == null || number <= 0) {
            return null;
        }
        Instant instant = number > MICROSECONDS_ABOVE
                ? Instant.ofEpochSecond(number / 1_000_000, number % 1_000_000 * 1_000)
                : Instant.ofEpochMilli(number);
        return instant.isAfter(LATEST) ? null : instant;
    }

    /** {@code date_create} as an instant, or {@code null} if it is absent or not a whole number (or its text). */
    static Instant ofDateCreate(JsonNode value) {
        Long seconds = wholeNumber(value);
        // beyond the year 9999 a number is no date of an audit event (and past Instant's range it would throw)
        return seconds == null || seconds < 0 || seconds > LATEST.getEpochSecond() ? null : Instant.ofEpochSecond(seconds);
    }

    /** ISO 8601 in UTC, with milliseconds, or microseconds where the instant has them. */
    static String format(Instant instant) {
        return (instant.getNano() % 1_000_000 == 0 ? MILLIS : MICROS).format(instant);
    }

    private static Long wholeNumber(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
