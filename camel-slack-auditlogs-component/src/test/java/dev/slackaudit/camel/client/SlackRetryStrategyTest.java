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
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What HttpClient repeats for Slack, how long it waits first, and what that costs of the call's retry budget. */
class SlackRetryStrategyTest {

    private static final HttpGet LOGS = new HttpGet("https://api.slack.com/audit/v1/logs");

    private final RequestPacer pacer = new RequestPacer(0);
    private final ClientStatistics statistics = new ClientStatistics();
    private final SlackRetryStrategy strategy = new SlackRetryStrategy(5, Duration.ofSeconds(1), pacer, statistics);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** The context of one logical call, with {@code retries} left to spend. */
    private static HttpClientContext call(int retries) {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(RetryBudget.ATTRIBUTE, new RetryBudget(retries));
        return context;
    }

    private static BasicHttpResponse response(int status, String retryAfter) {
        BasicHttpResponse response = new BasicHttpResponse(status);
        if (retryAfter != null) {
            response.addHeader("Retry-After", retryAfter);
        }
        return response;
    }

    @ParameterizedTest(name = "HTTP {0}: retried {1}")
    @CsvSource({ "429, true", "500, true", "502, true", "503, true", "504, true", "400, false", "401, false",
                 "403, false", "404, false", "501, false" })
    void retriesTheStatusesThatPassAndNoOthers(int status, boolean retried) {
        assertEquals(retried, strategy.retryRequest(response(status, "1"), 1, call(5)));
    }

    @Test
    void retriesConnectionFailuresAndTimeouts() {
        for (IOException failure : new IOException[] { new SocketTimeoutException("read timed out"),
                new ConnectException("connection refused"), new NoHttpResponseException("no answer") }) {
            assertTrue(strategy.retryRequest(LOGS, failure, 1, call(5)), failure.toString());
        }
    }

    @Test
    void doesNotRetryAnUnknownHostOrATlsFailureTheyAreConfigurationErrors() {
        assertFalse(strategy.retryRequest(LOGS, new UnknownHostException("api.slack.example"), 1, call(5)));
        assertFalse(strategy.retryRequest(LOGS, new SSLHandshakeException("PKIX path building failed"), 1, call(5)));
    }

    @Test
    void doesNotRetryOnceTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        assertFalse(strategy.retryRequest(LOGS, new SocketTimeoutException("read timed out"), 1, call(5)));
    }

    @Test
    void spendsTheCallsBudgetAndNoMore() {
        HttpClientContext call = call(2);
        assertTrue(strategy.retryRequest(response(503, null), 1, call));
        assertTrue(strategy.retryRequest(LOGS, new SocketTimeoutException("read timed out"), 2, call));
        assertFalse(strategy.retryRequest(response(503, null), 3, call));
        assertEquals(2, statistics.getRetries());
    }

    @Test
    void doesNotRetryACallWithoutABudget() {
        assertFalse(strategy.retryRequest(response(503, null), 1, HttpClientContext.create()));
    }

    @ParameterizedTest(name = "Retry-After {0}: {1} ms")
    @CsvSource({ "7, 7000", "0, 0", "' 0 ', 0", "abc, 30000" })
    void a429WaitsWhatRetryAfterSays(String retryAfter, long millis) {
        assertEquals(TimeValue.ofMilliseconds(millis), strategy.getRetryInterval(response(429, retryAfter), 1, call(5)));
    }

    @Test
    void a429WithoutRetryAfterWaitsAFairShareOfTheMinute() {
        assertEquals(TimeValue.ofMilliseconds(SlackRetryStrategy.DEFAULT_RETRY_AFTER_MILLIS),
                     strategy.getRetryInterval(response(429, null), 1, call(5)));
    }

    @Test
    void a429IsCountedWithItsWait() {
        strategy.getRetryInterval(response(429, "7"), 1, call(5));
        assertEquals(1, statistics.getRateLimited());
        assertEquals(7000, statistics.getRateLimitWaitMillis());
    }

    @Test
    void a429HoldsBackEveryRequestOfTheClientNotOnlyTheRetry() {
        strategy.getRetryInterval(response(429, "7"), 1, call(5));
        // an interrupted thread that has to wait for its permit fails at once: the pacer asks it to wait
        Thread.currentThread().interrupt();
        assertThrows(InterruptedIOException.class, pacer::acquire);
    }

    @ParameterizedTest(name = "attempt {0}: {1}..{2} ms")
    @CsvSource({ "0, 500, 1000", "1, 500, 1000", "2, 1000, 2000", "3, 2000, 4000", "6, 16000, 32000",
                 "7, 30000, 60000", "40, 30000, 60000" })
    void backsOffExponentiallyWithJitterUpToAMinute(int attempt, long least, long most) {
        Set<Long> waits = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long wait = strategy.backoff(attempt).toMilliseconds();
            assertTrue(wait >= least && wait <= most, wait + " ms");
            waits.add(wait);
        }
        assertTrue(waits.size() > 1, "pollers that failed together do not retry together: " + waits);
    }

    @Test
    void aFailedAnswerOtherThanA429WaitsTheBackoffOfTheRetriesSpent() {
        HttpClientContext call = call(5);
        strategy.retryRequest(response(503, null), 1, call);
        strategy.retryRequest(response(503, null), 2, call);
        long wait = strategy.getRetryInterval(response(503, null), 2, call).toMilliseconds();
        assertTrue(wait >= 1000 && wait <= 2000, wait + " ms");
    }
}
