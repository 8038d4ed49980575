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

/**
 * Decides which time range the consumer reads next (DESIGN §4). All values are Unix seconds, bounds inclusive, as
 * Slack's {@code oldest} and {@code latest} are.
 * <p>
 * A window starts at the checkpoint, reaching back {@code overlap} once anything has been delivered (to catch events
 * Slack indexed late), and ends at the earliest of checkpoint + span, now - lag and {@code latest}.
 */
final class WindowPlanner {

    /**
     * A range to read.
     *
     * @param from       first second read (the checkpoint minus the overlap)
     * @param checkpoint first second not yet delivered
     * @param to         last second read; the checkpoint moves to {@code to + 1} once the window is delivered
     */
    record Window(long from, long checkpoint, long to) {

        /** The seconds of new ground the window covers (its overlap excluded). */
        long span() {
            return to - checkpoint + 1;
        }
    }

    private final long lagSeconds;
    private final long overlapSeconds;
    private final Long latest;

    WindowPlanner(Duration lag, Duration overlap, Long latest) {
        this.lagSeconds = lag.toSeconds();
        this.overlapSeconds = overlap.toSeconds();
        this.latest = latest;
    }

    /** The newest second that may be read now. */
    long horizon(long nowSeconds) {
        long horizon = nowSeconds - lagSeconds;
        return latest == null ? horizon : Math.min(horizon, latest);
    }

    /** Whether the checkpoint has passed {@code latest}: a bounded export is complete. */
    boolean exportComplete(long checkpoint) {
        return latest != null && checkpoint > latest;
    }

    /**
     * Whether some events of a window read at {@code readAt} may not have been indexed yet, so that the next window
     * should read the overlap again. A window of old history (a backfill) was complete when read.
     */
    boolean mayMissLateEvents(Window window, long readAt) {
        return readAt - window.to() < lagSeconds + overlapSeconds;
    }

    /**
     * The next window, or {@code null} if there is nothing new to read yet.
     *
     * @param overlap whether to read the overlap before the checkpoint again
     * @param span    the most seconds of new ground to cover
     */
    Window next(long checkpoint, boolean overlap, long nowSeconds, long span) {
        long to = Math.min(checkpoint + span - 1, horizon(nowSeconds));
        if (to < checkpoint) {
            return null;
        }
        long from = overlap ? Math.max(0, checkpoint - overlapSeconds) : checkpoint;
        return new Window(from, checkpoint, to);
    }
}
