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
package dev.slackaudit.camel.consumer;

import java.time.Duration;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.client.SlackAuditLogsException;
import dev.slackaudit.camel.consumer.WindowPlanner.Window;
import dev.slackaudit.camel.options.PointInTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much further back than now minus {@code lag} the consumer reads, because the servers that check ranges keep a
 * clock behind the one Slack's {@code Date} header tells.
 * <p>
 * The consumer plans on Slack's clock as the {@code Date} header tells it (docs/slack-api.md, "Slack's clock"). A proxy
 * or an edge server in front of the API may stamp that header with a clock of its own: then a window ending at now
 * minus lag can lie in the future of the clock that checks ranges, and Slack refuses it with {@code invalid_range}
 * though the header puts it in the past. Slack does not say how far behind that clock is, so the consumer backs away
 * step by step: 1 s, then twice as far at each refusal, up to {@link #CAP_SECONDS}. That finds a clock {@code d}
 * seconds behind in about log2(d) + 1 refused requests (8 for 90 s) and overshoots it by less than {@code d}: events
 * arrive up to that much later than they could, and none is lost, since the margin only moves the horizon back.
 * <p>
 * The margin never shrinks while the consumer runs. One larger than needed only delays events; probing whether a
 * smaller one would do again costs a refused request each time it would not, out of a quota the whole organization
 * shares, and two clocks of Slack's that differ by a minute or more point to a setup (a proxy, an edge) rather than a
 * drift that corrects itself. The margin lives in the consumer, not in the checkpoint: restarting the route learns it
 * again from none, at the cost of those few refused requests.
 */
public final class RangeClockMargin {

    /** The furthest the consumer backs away; past it, something else is wrong and the poll fails saying what to check. */
    public static final long CAP_SECONDS = Duration.ofMinutes(5).toSeconds();
    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);

    private final long lagSeconds;
    private long seconds;
    private boolean unconfirmed;

    public RangeClockMargin(Duration lag) {
        this.lagSeconds = lag.toSeconds();
    }

    /** The seconds the horizon moves back, beyond lag; 0 until Slack refuses a range near now. */
    public long seconds() {
        return seconds;
    }

    /**
     * Whether a clock behind the {@code Date} header by up to the cap could have refused the range {@code from..to}:
     * it ends no earlier than now minus lag minus the cap, and starts after March 2018 (before that, the range itself
     * is wrong, whatever the clocks say).
     *
     * @param dateNow Slack's time by its {@code Date} header when the range was planned (Unix seconds)
     */
    public boolean mayExplain(long from, long to, long dateNow) {
        return to >= dateNow - lagSeconds - CAP_SECONDS && from >= PointInTime.AUDIT_LOGS_BEGIN.getEpochSecond();
    }

    /** Backs away one more step; {@code false}, changing nothing, when the margin is already at the cap. */
    public boolean backAway() {
        if (seconds >= CAP_SECONDS) {
            return false;
        }
        seconds = seconds == 0 ? 1 : Math.min(CAP_SECONDS, seconds * 2);
        unconfirmed = true;
        return true;
    }

    /**
     * Slack refused {@code window}, planned at {@code now}, though its {@code Date} header puts it in the past: if a
     * clock behind the header's could explain it, moves the horizon one step further back (the caller plans again);
     * otherwise rethrows the refusal, which then lies with the range itself.
     *
     * @param offsetMillis how far the {@code Date} header is from this machine's clock
     */
    public void refused(Window window, long now, SlackAuditLogsException refusal, long offsetMillis) {
        if (!mayExplain(window.from(), window.to(), now + seconds)) {
            throw refusal;
        }
        if (!backAway()) {
            throw new SlackAuditLogsException("Slack refused every range ending up to " + CAP_SECONDS + " s before now"
                                              + " minus lag, though its Date header (" + offsetMillis + " ms from this"
                                              + " machine's clock) puts them in its past: the clock that checks ranges"
                                              + " runs more than that behind it, or Slack refuses the range for another"
                                              + " reason. Check the clock of any proxy in front of Slack (it may stamp"
                                              + " Date) and this machine's (NTP) (invalid_range, HTTP "
                                              + refusal.getHttpResponseCode() + ")", refusal.getErrorCode(),
                                              refusal.getHttpResponseCode(), refusal.isFatal(), refusal);
        }
        LOG.debug("Slack refused {}..{} (invalid_range) though its Date header puts it in the past; reading up to {} s"
                  + " further back", window.from(), window.to(), seconds);
    }

    /** Slack accepted a range: warns if that confirms a margin found since the last range accepted. */
    public void rangeAccepted(long offsetMillis) {
        if (accepted()) {
            LOG.warn("Slack refused ranges ending at now minus lag (invalid_range), though its Date header ({} ms from"
                     + " this machine's clock) puts them in its past: the clock that checks ranges runs behind it."
                     + " Reading up to now minus lag minus {} s from now on: events arrive that much later, none is"
                     + " lost. A proxy in front of Slack may be stamping Date with its own clock", offsetMillis, seconds);
        }
    }

    /** Slack accepted a range: whether that confirms a margin new since the last call (then it is worth a warning). */
    public boolean accepted() {
        boolean found = unconfirmed;
        unconfirmed = false;
        return found;
    }
}
