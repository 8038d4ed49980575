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
package dev.slackaudit.camel.client;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Spaces out requests so this client stays under {@code maxRequestsPerMinute}, and holds every request back while a
 * {@code Retry-After} from Slack is running.
 * <p>
 * Hand-written on purpose: Slack's limit is org-wide (about 50 calls a minute shared by every app of the
 * organization), so the client must pace its own HTTP calls, including HttpClient's retries. Camel's Throttler EIP
 * paces exchanges in a route, not the calls one poll makes, and HttpClient 5 has no client-side rate limiter. Even
 * spacing (rather than a burst bucket) is what a shared quota wants: it never spends another app's share in a burst.
 */
public final class RequestPacer {

    private final long intervalNanos;
    private long nextPermitNanos;

    /**
     * @param maxRequestsPerMinute the request budget; 0 or less disables pacing (Retry-After pauses still apply)
     */
    public RequestPacer(int maxRequestsPerMinute) {
        this.intervalNanos = maxRequestsPerMinute > 0 ? TimeUnit.MINUTES.toNanos(1) / maxRequestsPerMinute : 0;
        this.nextPermitNanos = System.nanoTime();
    }

    /** Blocks until the next request may be sent. */
    public void acquire() throws InterruptedIOException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long permit = Math.max(now, nextPermitNanos);
            nextPermitNanos = permit + intervalNanos;
            waitNanos = permit - now;
        }
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while pacing requests to Slack");
            }
        }
    }

    /** No request may be sent before {@code millis} from now (Slack's {@code Retry-After} is org-wide). */
    public synchronized void pauseFor(long millis) {
        nextPermitNanos = Math.max(nextPermitNanos, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
