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

import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The retries one logical call may spend, shared by HttpClient's retry strategy (statuses, connection failures) and the
 * client's own retries of unreadable bodies, so that the two layers together never exceed {@code maxRetries}: without
 * it, 503s followed by truncated bodies would cost (maxRetries + 1)² requests of the org-wide quota.
 */
final class RetryBudget {

    static final String ATTRIBUTE = RetryBudget.class.getName();

    private final int maxRetries;
    private int used;

    RetryBudget(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** The budget of the call an HttpClient context belongs to; a call without one may not retry. */
    static RetryBudget of(HttpContext context) {
        Object budget = context == null ? null : context.getAttribute(ATTRIBUTE);
        return budget instanceof RetryBudget retryBudget ? retryBudget : new RetryBudget(0);
    }

    /** Spends one retry, or returns false if none is left. */
    synchronized boolean tryUse() {
        if (used >= maxRetries) {
            return false;
        }
        used++;
        return true;
    }

    /** Retries spent so far (the next backoff grows with it). */
    synchronized int used() {
        return used;
    }
}
