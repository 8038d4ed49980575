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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strict reading of a duration option: the forms accepted, and each option's rule. */
class DurationOptionTest {

    private static final String FORMS = "written as an ISO-8601 duration (PT5M, PT1H30M, P1D), a number with a unit (90s,"
                                        + " 5m, 1h30m, 2d, 500ms) or a plain number of milliseconds (300000)";

    @ParameterizedTest(name = "{1} = {2} ms")
    @CsvSource({
            "RETRY_DELAY, PT5M, 300000",
            "RETRY_DELAY, pt1h30m, 5400000",
            "RETRY_DELAY, P1D, 86400000",
            "RETRY_DELAY, 90s, 90000",
            "RETRY_DELAY, 5m, 300000",
            "RETRY_DELAY, 1h30m, 5400000",
            "RETRY_DELAY, 2d, 172800000",
            "RETRY_DELAY, 500ms, 500",
            "RETRY_DELAY, 1m500ms, 60500",
            "RETRY_DELAY, 90S, 90000",
            "RETRY_DELAY, 300000, 300000",
            "RETRY_DELAY, ' 20s ', 20000",
            "RETRY_DELAY, 0, 0",
            "LAG, 0, 0",
            "OVERLAP, 6m, 360000",
            "WINDOW_SIZE, 1s, 1000",
            "DELAY, 1ms, 1",
            "INITIAL_DELAY, 0, 0",
            "INITIAL_DELAY, PT1M, 60000"
    })
    void readsEachAcceptedForm(DurationOption option, String typed, long millis) {
        assertEquals(Duration.ofMillis(millis), option.parse(typed));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "RETRY_DELAY   | abc                  | Invalid retryDelay 'abc': a duration of zero or more",
            "RETRY_DELAY   | 1 week               | Invalid retryDelay '1 week': a duration of zero or more",
            "RETRY_DELAY   | 5 s                  | Invalid retryDelay '5 s': a duration of zero or more",
            "RETRY_DELAY   | 1.5s                 | Invalid retryDelay '1.5s': a duration of zero or more",
            "RETRY_DELAY   | 30s1m                | Invalid retryDelay '30s1m': a duration of zero or more",
            "RETRY_DELAY   | -5s                  | Invalid retryDelay '-5s': a duration of zero or more",
            "RETRY_DELAY   | PT-5S                | Invalid retryDelay 'PT-5S': a duration of zero or more",
            "RETRY_DELAY   | 99999999999999999999 | Invalid retryDelay '99999999999999999999': a duration of zero or more",
            "CONNECT_TIMEOUT | 0                  | Invalid connectTimeout '0': a duration longer than zero",
            "DELAY         | PT0S                 | Invalid delay 'PT0S': a duration longer than zero",
            "LAG           | 1500                 | Invalid lag '1500': a whole number of seconds, zero or more",
            "OVERLAP       | PT0.5S               | Invalid overlap 'PT0.5S': a whole number of seconds, zero or more",
            "WINDOW_SIZE   | 0                    | Invalid windowSize '0': a whole number of seconds, at least one",
            "INITIAL_DELAY | -1s                  | Invalid initialDelay '-1s': a duration of zero or more"
    })
    void refusesTextItCannotUseNamingTheOptionTheTextAndTheForms(DurationOption option, String typed, String message) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> option.parse(typed));
        assertEquals(message + ", " + FORMS, refusal.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "LAG", "DELAY", "SOCKET_TIMEOUT" })
    void refusesNothingTypedAtAll(DurationOption option) {
        assertThrows(IllegalArgumentException.class, () -> option.parse(null));
        assertThrows(IllegalArgumentException.class, () -> option.parse(""));
    }
}
