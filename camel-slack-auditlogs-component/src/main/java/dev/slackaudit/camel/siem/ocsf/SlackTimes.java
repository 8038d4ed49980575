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
package dev.slackaudit.camel.siem.ocsf;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Slack's timestamps into OCSF's {@code timestamp_t} (epoch milliseconds). Slack sends them as numbers or as
 * numeric strings, and in different units: {@code date_create} in seconds, an anomaly's {@code action_timestamp} in
 * microseconds in Slack's documentation and in milliseconds in Elastic's test data.
 */
final class SlackTimes {

    /** Above this a timestamp is in microseconds (1e14 µs is 1973; 1e14 ms is the year 5138). */
    private static final BigDecimal MICROS_FROM = BigDecimal.valueOf(100_000_000_000_000L);
    /** Above this a timestamp is in milliseconds (1e11 ms is 1973; 1e11 s is the year 5138). */
    private static final BigDecimal MILLIS_FROM = BigDecimal.valueOf(100_000_000_000L);

    private SlackTimes() {
    }

    /** Epoch seconds as epoch milliseconds; null unless a positive number (or numeric string). */
    static Long secondsToMillis(JsonNode node) {
        BigDecimal seconds = positiveNumber(node);
        return seconds == null ? null : seconds.movePointRight(3).longValue();
    }

    /** A timestamp in seconds, milliseconds or microseconds (told apart by size) as epoch milliseconds, or null. */
    static Long epochMillis(JsonNode node) {
        BigDecimal value = positiveNumber(node);
        if (value == null) {
            return null;
        }
        if (value.compareTo(MICROS_FROM) >= 0) {
            return value.movePointLeft(3).longValue();
        }
        return value.compareTo(MILLIS_FROM) >= 0 ? value.longValue() : value.movePointRight(3).longValue();
    }

    private static BigDecimal positiveNumber(JsonNode node) {
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        // 1e18 or more is no time in any of the three units (1e18 µs is the year 33658)
        return value != null && value.signum() > 0 && value.compareTo(MICROS_FROM.movePointRight(4)) < 0 ? value : null;
    }
}
