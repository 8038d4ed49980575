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

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpClient 5's retry strategy, tuned to Slack (docs/architecture.md, Pacing and retries): a 429 waits exactly {@code Retry-After}; 500, 502, 503
 * and 504, connection failures and timeouts back off exponentially with jitter. Unknown hosts and TLS failures
 * are not retried: they are configuration errors.
 */
final class SlackRetryStrategy extends DefaultHttpRequestRetryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SlackRetryStrategy.class);
    /** Slack always sends Retry-After with a 429; should it not, wait a fair share of the minute. */
    static final long DEFAULT_RETRY_AFTER_MILLIS = 30_000;
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final long baseDelayMillis;
    private final RequestPacer pacer;
    private final ClientStatistics statistics;

    SlackRetryStrategy(int maxRetries, Duration baseDelay, RequestPacer pacer, ClientStatistics statistics) {
        super(maxRetries, TimeValue.ZERO_MILLISECONDS, List.of(UnknownHostException.class, SSLException.class),
              List.of(429, 500, 502, 503, 504));
        this.baseDelayMillis = Math.max(1, baseDelay.toMillis());
        this.pacer = pacer;
        this.statistics = statistics;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        // the parent retries idempotent requests after any I/O error but those of the classes given to it above
        boolean retry = !Thread.currentThread().isInterrupted()
                        && super.retryRequest(request, exception, execCount, context)
                        && RetryBudget.of(context).tryUse();
        if (retry) {
            statistics.retried();
            LOG.debug("Retrying {} after {} (attempt {})", request.getPath(), exception.getClass().getSimpleName(), execCount);
        }
        return retry;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        boolean retry = super.retryRequest(response, execCount, context) && RetryBudget.of(context).tryUse();
        if (retry) {
            statistics.retried();
        }
        return retry;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        if (response.getCode() == 429) {
            long waitMillis = retryAfterMillis(response, execCount, context);
            statistics.rateLimited(waitMillis);
            pacer.pauseFor(waitMillis);
            LOG.info("Slack rate limit reached (HTTP 429): waiting {} ms as Retry-After asks", waitMillis);
            return TimeValue.ofMilliseconds(waitMillis);
        }
        return backoff(RetryBudget.of(context).used());
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return backoff(RetryBudget.of(context).used());
    }

    /**
     * {@code Retry-After} in seconds or as an HTTP date, as the parent reads it; a value it cannot read (or none at all)
     * waits a fair share of the minute rather than not at all.
     */
    private long retryAfterMillis(HttpResponse response, int execCount, HttpContext context) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null) {
            return DEFAULT_RETRY_AFTER_MILLIS;
        }
        if ("0".equals(header.getValue().trim())) {
            return 0;
        }
        TimeValue parsed = super.getRetryInterval(response, execCount, context);
        return TimeValue.isPositive(parsed) ? parsed.toMilliseconds() : DEFAULT_RETRY_AFTER_MILLIS;
    }

    /**
     * Exponential backoff with jitter: a random wait between half and all of {@code base * 2^(attempt-1)}, capped at a
     * minute, so pollers that failed together do not retry together.
     */
    TimeValue backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, baseDelayMillis << Math.min(20, Math.max(0, attempt - 1)));
        return TimeValue.ofMilliseconds(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
