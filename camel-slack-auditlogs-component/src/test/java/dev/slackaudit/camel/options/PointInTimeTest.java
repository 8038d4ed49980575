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

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The points in time of oldest, latest and resetCheckpointTo: the forms, and the span Slack holds. */
class PointInTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.750Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1763683200, 2025-11-21T00:00:00Z",
            "2026-11-01T08:30:00Z, 2026-11-01T08:30:00Z",
            "2026-11-01T08:30:00+02:00, 2026-11-01T06:30:00Z",
            "2026-11-01, 2026-11-01T00:00:00Z",
            "P7D, 2026-11-14T12:00:00Z",
            "pt12h, 2026-11-21T00:00:00Z",
            "' 2026-11-01 ', 2026-11-01T00:00:00Z",
            "2018-03-01T00:00:00Z, 2018-03-01T00:00:00Z"
    })
    void readsEachFormAsAUnixSecond(String typed, Instant expected) {
        assertEquals(expected.getEpochSecond(), PointInTime.resolve("oldest", typed, NOW));
    }

    @Test
    void aBlankValueIsNoPointInTime() {
        assertNull(PointInTime.resolve("latest", " ", NOW));
        assertNull(PointInTime.resolve("latest", null, NOW));
    }

    @Test
    void nowItselfIsNotTheFuture() {
        assertEquals(NOW.getEpochSecond(), PointInTime.resolve("latest", "PT0S", NOW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-22                   | Invalid latest '2026-11-22': 2026-11-22T00:00:00Z is in the future (now is 2026-11-21T12:00:00Z)",
            "2018-02-28T23:59:59Z         | Invalid latest '2018-02-28T23:59:59Z': 2018-02-28T23:59:59Z is before March 2018",
            "0                            | Invalid latest '0': 1970-01-01T00:00:00Z is before March 2018",
            "P-1D                         | Invalid latest 'P-1D': a duration means that long ago and must not be negative",
            "yesterday                    | Invalid latest 'yesterday': use Unix seconds (1763683200), an ISO-8601 instant",
            "2026-13-01                   | Invalid latest '2026-13-01': use Unix seconds",
            "99999999999999999999         | Invalid latest '99999999999999999999': use Unix seconds"
    })
    void refusesWhatItCannotReadOrSlackDoesNotHoldNamingTheOptionAndTheText(String typed, String message) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> PointInTime.resolve("latest", typed, NOW));
        assertTrue(refusal.getMessage().startsWith(message), refusal.getMessage());
    }
}
