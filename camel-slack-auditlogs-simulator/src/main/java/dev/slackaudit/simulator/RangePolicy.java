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

import java.time.Clock;
import java.time.Instant;

/**
 * Which {@code oldest}/{@code latest} values {@code /logs} takes. Slack answers {@code invalid_range} for "a date
 * from before the feature was enabled or at some point in the future" (docs/slack-api.md, Rate limits and errors); the strict policy does the
 * same on the server's clock, the lenient one (the default) accepts any non-negative second.
 */
final class RangePolicy {

    /** Audit data "is not available prior to March 2018" (docs/slack-api.md, The API); the earliest bound strict mode takes. */
    static final Instant FEATURE_ENABLED = Instant.parse("2018-03-01T00:00:00Z");

    private final Clock serverClock;

    private RangePolicy(Clock serverClock) {
        this.serverClock = serverClock;
    }

    static RangePolicy lenient() {
        return new RangePolicy(null);
    }

    static RangePolicy strict(Clock serverClock) {
        return new RangePolicy(serverClock);
    }

    /** Rejects a bound (Unix seconds) that strict mode refuses; the caller already rejected negative ones. */
    void check(long second) throws ApiError {
        if (serverClock == null) {
            return;
        }
        if (second < FEATURE_ENABLED.getEpochSecond() || second > serverClock.instant().getEpochSecond()) {
            throw new ApiError(400, "invalid_range");
        }
    }
}
