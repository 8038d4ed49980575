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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strict reading of a whole-number option and its range. */
class NumberOptionTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "LIMIT, 1, 1",
            "LIMIT, 9999, 9999",
            "LIMIT, ' 200 ', 200",
            "BATCH_SIZE, 0, 0",
            "BATCH_SIZE, 10000, 10000",
            "MAX_REQUESTS_PER_MINUTE, 0, 0",
            "MAX_RETRIES, 100, 100",
            "PROXY_PORT, 65535, 65535",
            "MAX_EVENTS_PER_WINDOW, 2147483647, 2147483647",
            "REPEAT_COUNT, 0, 0",
            "BACKOFF_MULTIPLIER, 2, 2"
    })
    void readsAWholeNumberInRange(NumberOption option, String typed, int value) {
        assertEquals(value, option.parse(typed));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "LIMIT                  | 0           | Invalid limit '0': Slack accepts 1 to 9999 events per page",
            "LIMIT                  | 10000       | Invalid limit '10000': Slack accepts 1 to 9999 events per page",
            "LIMIT                  | abc         | Invalid limit 'abc': Slack accepts 1 to 9999 events per page",
            "LIMIT                  | 1e3         | Invalid limit '1e3': Slack accepts 1 to 9999 events per page",
            "LIMIT                  | 100.0       | Invalid limit '100.0': Slack accepts 1 to 9999 events per page",
            "BATCH_SIZE             | -1          | Invalid batchSize '-1': a whole number from 0 (one event per exchange) to 10000 events per exchange",
            "MAX_RETRIES            | 101         | Invalid maxRetries '101': a whole number from 0 to 100",
            "PROXY_PORT             | 0           | Invalid proxyPort '0': a TCP port from 1 to 65535",
            "MAX_EVENTS_PER_WINDOW  | 2147483648  | Invalid maxEventsPerWindow '2147483648': a positive whole number of events",
            "MAX_RESULTS            | 99999999999999999999 | Invalid maxResults '99999999999999999999': a positive whole number of events",
            "REPEAT_COUNT           | 5s          | Invalid repeatCount '5s': a whole number of polls, 0 (no limit) or more",
            "BACKOFF_ERROR_THRESHOLD | -1        | Invalid backoffErrorThreshold '-1': a whole number of failed polls in a row, 0 (never) or more"
    })
    void refusesTextOutOfRangeOrNoNumberNamingTheOptionTheTextAndTheRange(NumberOption option, String typed,
                                                                          String message) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> option.parse(typed));
        assertEquals(message, refusal.getMessage());
    }

    @Test
    void refusesNothingTypedAtAll() {
        assertThrows(IllegalArgumentException.class, () -> NumberOption.LIMIT.parse(null));
        assertThrows(IllegalArgumentException.class, () -> NumberOption.LIMIT.parse(" "));
    }
}
