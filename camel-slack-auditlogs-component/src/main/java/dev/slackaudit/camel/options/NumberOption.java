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

import dev.slackaudit.camel.consumer.WindowDelivery;


/**
 * The range of each whole-number option and the strict reading of the text typed for it. The options are typed as
 * text because Camel's property binding turns text its converter cannot read as an int into 0: {@code maxRetries=abc}
 * would quietly mean no retries, {@code limit=abc} would be refused as "0". A value out of range and text that is no
 * number at all get the same message: the option, the value as typed and what it accepts.
 */
public enum NumberOption {

    LIMIT("limit", 1, 9999, "Slack accepts 1 to 9999 events per page"),
    MAX_EVENTS_PER_WINDOW("maxEventsPerWindow", 1, Integer.MAX_VALUE, "a positive whole number of events"),
    /** At most the events between two writes of the position, so a batch is never split by one. */
    BATCH_SIZE("batchSize", 0, WindowDelivery.COMMIT_EVERY,
               "a whole number from 0 (one event per exchange) to " + WindowDelivery.COMMIT_EVERY + " events per exchange"),
    MAX_RESULTS("maxResults", 1, Integer.MAX_VALUE, "a positive whole number of events"),
    MAX_REQUESTS_PER_MINUTE("maxRequestsPerMinute", 0, 10_000,
            "a whole number from 0 (no pacing) to 10000; Slack allows about 50 for the whole organization"),
    MAX_RETRIES("maxRetries", 0, 100, "a whole number from 0 to 100"),
    PROXY_PORT("proxyPort", 1, 65_535, "a TCP port from 1 to 65535"),
    // the scheduler options the endpoint inherits from Camel (read by TypedOptionsChecked)
    REPEAT_COUNT("repeatCount", 0, Integer.MAX_VALUE, "a whole number of polls, 0 (no limit) or more"),
    BACKOFF_MULTIPLIER("backoffMultiplier", 0, Integer.MAX_VALUE,
            "a whole number of polls to skip, 0 (no back-off) or more"),
    BACKOFF_IDLE_THRESHOLD("backoffIdleThreshold", 0, Integer.MAX_VALUE,
            "a whole number of idle polls in a row, 0 (never) or more"),
    BACKOFF_ERROR_THRESHOLD("backoffErrorThreshold", 0, Integer.MAX_VALUE,
            "a whole number of failed polls in a row, 0 (never) or more");

    private final String option;
    private final long min;
    private final long max;
    private final String accepted;

    NumberOption(String option, long min, long max, String accepted) {
        this.option = option;
        this.min = min;
        this.max = max;
        this.accepted = accepted;
    }

    /**
     * The number {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the option, the text as typed and the range, if it is no whole number
     *                                  or out of range
     */
    public int parse(String text) {
        long value;
        try {
            value = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        if (value < min || value > max) {
            throw invalid(text);
        }
        return (int) value;
    }

    private IllegalArgumentException invalid(String typed) {
        return new IllegalArgumentException("Invalid " + option + " '" + typed + "': " + accepted);
    }
}
