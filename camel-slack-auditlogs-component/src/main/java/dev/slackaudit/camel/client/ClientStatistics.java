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

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one client's traffic, for JMX and progress logs. Thread-safe. */
public final class ClientStatistics {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong rateLimitWaitMillis = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile String lastErrorCode;

    void requestSent() {
        requests.incrementAndGet();
    }

    void pageRead() {
        pages.incrementAndGet();
    }

    void rateLimited(long waitMillis) {
        rateLimited.incrementAndGet();
        rateLimitWaitMillis.addAndGet(waitMillis);
    }

    void retried() {
        retries.incrementAndGet();
    }

    void error(String code) {
        lastErrorCode = code;
    }

    /** HTTP requests sent, retries included. */
    public long getRequests() {
        return requests.get();
    }

    /** {@code /logs} pages read successfully. */
    public long getPages() {
        return pages.get();
    }

    /** HTTP 429 answers received. */
    public long getRateLimited() {
        return rateLimited.get();
    }

    /** Total time spent waiting for {@code Retry-After}, in milliseconds. */
    public long getRateLimitWaitMillis() {
        return rateLimitWaitMillis.get();
    }

    /** Requests repeated after a transient failure (429, 5xx, I/O error, unreadable body). */
    public long getRetries() {
        return retries.get();
    }

    /** The last error (Slack's code, or the HTTP status or exception name when Slack sent no code), or null. */
    public String getLastErrorCode() {
        return lastErrorCode;
    }
}
