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
package dev.slackaudit.camel.management;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.client.SlackAuditLogsException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed poll as one WARN line: what failed, Slack's code and what to do (the message of a
 * {@link SlackAuditLogsException} says that), and when the next poll comes. The stack trace goes to DEBUG only.
 * <p>
 * Camel's default, {@code LoggingExceptionHandler}, logs every failed poll at WARN with its full stack trace: a revoked
 * token printed thirteen lines a poll, forever. The same failure again within a minute goes to DEBUG, and the next
 * WARN line says how often it recurred meanwhile. The consumer's health check and JMX attributes keep the details
 * (Camel records the poll's exception for them apart from this handler).
 * <p>
 * The endpoint installs it unless the user chose an exceptionHandler or bridgeErrorHandler=true.
 */
public final class FailedPollLog implements ExceptionHandler {

    /** The consumer's logger: its start, progress and failure lines read together. */
    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsConsumer.class);
    static final long REPEAT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String endpoint;
    private final long delayMillis;
    private final LongSupplier nanoTime;

    private String lastWarned;
    private long lastWarnedAt;
    private int repeatedSinceWarned;

    /**
     * @param endpoint    the endpoint as users know it, without its options (which may hold the token)
     * @param delayMillis the time between polls, to say when the next one comes
     */
    public FailedPollLog(String endpoint, long delayMillis) {
        this(endpoint, delayMillis, System::nanoTime);
    }

    public FailedPollLog(String endpoint, long delayMillis, LongSupplier nanoTime) {
        this.endpoint = endpoint;
        this.delayMillis = delayMillis;
        this.nanoTime = nanoTime;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public synchronized void handleException(String message, Exchange exchange, Throwable exception) {
        String reason = reason(exception);
        long now = nanoTime.getAsLong();
        if (Objects.equals(reason, lastWarned) && now - lastWarnedAt < REPEAT_INTERVAL_NANOS) {
            repeatedSinceWarned++;
            LOG.debug("Polling {} failed again: {}", endpoint, reason, exception);
            return;
        }
        String repeated = Objects.equals(reason, lastWarned) && repeatedSinceWarned > 0
                ? " (" + repeatedSinceWarned + " more time" + (repeatedSinceWarned == 1 ? "" : "s")
                  + " since the last report)"
                : "";
        lastWarned = reason;
        lastWarnedAt = now;
        repeatedSinceWarned = 0;
        LOG.warn("Polling {} failed{}: {}. The checkpoint stays; next poll in {}", endpoint, repeated, reason,
                 describeDelay());
        LOG.debug("The failed poll of {}", endpoint, exception);
    }

    /** The exception's message and those of its causes that add to it, so a wrapped cause's reason is not lost. */
    static String reason(Throwable exception) {
        if (exception == null) {
            return "unknown error";
        }
        StringBuilder reason = new StringBuilder(describe(exception));
        Throwable cause = exception.getCause();
        while (cause != null && cause != exception && !(exception instanceof SlackAuditLogsException)) {
            String text = describe(cause);
            if (reason.indexOf(text) < 0) {
                reason.append("; caused by ").append(text);
            }
            exception = cause;
            cause = cause.getCause();
        }
        return reason.toString();
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }

    private String describeDelay() {
        return delayMillis % 1000 == 0 ? delayMillis / 1000 + " s" : delayMillis + " ms";
    }
}
