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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.slackaudit.camel.client.SlackAuditLogsException;
import dev.slackaudit.camel.testing.LogCapture;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed poll is one WARN line with Slack's code and what to do; the stack trace only at DEBUG, and the same failure
 * again within a minute not at WARN.
 */
class FailedPollLogTest extends SimulatorTestSupport {

    private static final String WRONG_TOKEN = "xoxp-not-the-simulators";

    private LogCapture captured;

    private void captureWarnings() {
        captured = new LogCapture("%p %c %m%n%ex");
    }

    @AfterEach
    void stopCapturing() {
        if (captured != null) {
            captured.close();
        }
    }

    @Test
    void aRejectedTokenLogsOneWarnLineWithSlacksCodeAndNoStackTrace() throws Exception {
        captureWarnings();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("delay=60000").replace(TOKEN, WRONG_TOKEN)).routeId("audit").to("mock:never");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> auditConsumer().getFailedPolls() == 1);

        List<String> lines = captured.text().lines().filter(line -> !line.startsWith("INFO ")).toList();
        assertEquals(1, lines.size(), "one line at INFO or above besides INFO lines:\n" + captured.text());
        String line = lines.get(0);
        assertTrue(line.startsWith("WARN dev.slackaudit.camel.SlackAuditLogsConsumer Polling slack-auditlogs://logs"
                                   + " failed: Slack rejected the token"), line);
        assertTrue(line.contains("invalid_authentication") && line.contains("next poll in 60 s"), line);
        assertFalse(captured.text().contains("\tat "), "a stack trace at INFO or WARN");
        assertFalse(captured.text().contains(WRONG_TOKEN), "the token in a log line");
    }

    @Test
    void theSameFailureAgainWithinAMinuteIsNotLoggedAtWarn() throws Exception {
        captureWarnings();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("delay=100").replace(TOKEN, WRONG_TOKEN)).routeId("audit").to("mock:never");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> auditConsumer().getFailedPolls() >= 5);

        assertEquals(1, captured.text().lines().filter(line -> line.startsWith("WARN ")).count(), captured::text);
    }

    @Test
    void aMinuteLaterTheFailureIsLoggedAgainWithHowOftenItRecurred() {
        AtomicLong nanos = new AtomicLong();
        FailedPollLog log = new FailedPollLog("slack-auditlogs://logs", 1000, nanos::get);
        SlackAuditLogsException revoked = new SlackAuditLogsException("The token was revoked", "token_revoked", 401,
                true, null);
        captureWarnings();
        log.handleException("ignored", revoked);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        log.handleException("ignored", revoked);
        log.handleException("ignored", revoked);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(31));
        log.handleException("ignored", revoked);

        List<String> lines = captured.text().lines().filter(line -> line.startsWith("WARN ")).toList();
        assertEquals(2, lines.size(), captured::text);
        assertTrue(lines.get(1).contains("failed (2 more times since the last report): The token was revoked."),
                lines.get(1));
    }

    @Test
    void aDifferentFailureIsLoggedAtOnce() {
        FailedPollLog log = new FailedPollLog("slack-auditlogs://logs", 1000, () -> 0);
        captureWarnings();
        log.handleException(new SlackAuditLogsException("Slack is unavailable", null, 503, false, null));
        log.handleException(new SlackAuditLogsException("The token was revoked", "token_revoked", 401, true, null));

        assertEquals(2, captured.text().lines().filter(line -> line.startsWith("WARN ")).count(), captured::text);
    }
}
