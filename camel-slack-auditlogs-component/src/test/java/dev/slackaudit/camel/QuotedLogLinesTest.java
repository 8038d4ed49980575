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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.slackaudit.camel.client.SlackAuditLogsException;
import dev.slackaudit.camel.management.FailedPollLog;
import dev.slackaudit.camel.testing.LogCapture;
import dev.slackaudit.camel.testing.Readmes;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every log line (and start-up error) a README quotes is what a real run logs: each test runs the situation against
 * the simulator, captures what the component logged, and compares every quote of that line in every README with it.
 * A reworded message, or a changed figure in it (the 20 s to the next poll), fails the build with the README's file
 * and line.
 * <p>
 * A quote is compared from its anchor (where the line's fixed wording starts) to the end of its code line or inline
 * code span. What differs from run to run is masked on both sides: instants, ports, Unix seconds, checkpoint keys, and
 * the counts of a progress line. "..." in a quote stands for text it leaves out.
 */
public class QuotedLogLinesTest extends SimulatorTestSupport {

    private static final String WRONG_TOKEN = "xoxp-not-the-simulators";
    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*```");
    private static final String[][] RUN_SPECIFIC = {
            {"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<instant>"},
            {"127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>"},
            {"(oldest|latest)=[^;:)\\s]+", "$1=<value>"},
            {"checkpoint key [^)]+", "checkpoint key <key>"},
            {"\\b\\d[\\d,]*(%| events?| pages?)", "<n>$1"},
            {"pages? \\([^)]+\\)", "pages (<key>)"},
            {"-?\\d+ ms from this machine's", "<n> ms from this machine's"}};

    private LogCapture captured;

    @BeforeEach
    void capture() {
        captured = new LogCapture("%m%n");
    }

    @AfterEach
    void stopCapturing() {
        captured.close();
    }

    @Test
    void theFailedPollWarningIsQuotedAsLoggedAtTheDefaultDelay() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the endpoint's own delay, so the quoted "next poll in 20 s" is the default's
                from("slack-auditlogs:logs?initialDelay=0&maxRetries=0&baseUrl=" + simulator.baseUrl()
                     + "&token=RAW(" + WRONG_TOKEN + ")").routeId("audit").to("mock:never");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> auditConsumer().getFailedPolls() == 1);

        assertReadmesQuoteAsLogged("Polling slack-auditlogs://logs failed: ", 2);
    }

    @Test
    void aRecurringFailureIsQuotedAsLoggedAMinuteLater() {
        AtomicLong nanos = new AtomicLong();
        FailedPollLog log = new FailedPollLog("slack-auditlogs://logs", 20_000, nanos::get);
        SlackAuditLogsException revoked = new SlackAuditLogsException("The token was revoked", "token_revoked", 401,
                true, null);
        log.handleException(revoked);
        for (int poll = 0; poll < 11; poll++) {
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
            log.handleException(revoked);
        }
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
        log.handleException(revoked);

        assertReadmesQuoteAsLogged("failed \\(\\d+ more times? since", 1);
    }

    @Test
    void theStartLinesOfAFirstStartAndARestartAreQuotedAsLogged() throws Exception {
        context.getRegistry().bind("checkpoints", new MemoryStateRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("oldest=PT1H&stateRepository=#checkpoints")).routeId("audit").to("mock:events");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> auditConsumer().getEventsDelivered() > 0);
        context.getRouteController().stopRoute("audit");
        context.getRouteController().startRoute("audit");

        assertReadmesQuoteAsLogged("Reading Slack audit events from ", 3);
    }

    @Test
    void theProgressLinesOfAnOpenAndABoundedBackfillAreQuotedAsLogged() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // hour-long windows: each backfill logs its progress after its first window, while it is behind (a
                // single window up to now would leave the checkpoint past "now" within the same second)
                from(logsUri("stateKey=open&windowSize=PT1H")).routeId("audit").to("mock:events");
                from(logsUri("stateKey=bounded&windowSize=PT1H&latest=" + simulator.newestDateCreate())).routeId("bounded")
                        .to("mock:events");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> captured.text().lines()
                .filter(line -> line.startsWith("backfill ")).map(line -> line.contains("..now")).distinct().count() == 2);

        assertReadmesQuoteAsLogged("backfill \\d", 2);
    }

    @Test
    void theEndOfABoundedExportIsQuotedAsLogged() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("latest=" + simulator.newestDateCreate())).routeId("audit").to("mock:events");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> captured.text().contains(" has passed latest="));

        assertReadmesQuoteAsLogged("The checkpoint \\S+ has passed latest=", 1);
    }

    @Test
    void anUnknownActionIsQuotedAsTheErrorThatStopsTheRoute() throws Exception {
        Exception failure = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("action=user_logn")).routeId("audit").to("mock:never");
            }
        }));
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }

        assertReadmesQuote("Unknown action '", 1, List.of(cause.getMessage()));
    }

    @Test
    void anUnreachableActionsListIsOneWarningThatPromisesNoPoll() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("action=user_login&maxRetries=0&baseUrl=http://127.0.0.1:1/audit/v1"))
                        .routeId("audit").to("mock:never");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> captured.text().contains("reading without the check"));

        String warning = captured.text().lines().filter(line -> line.startsWith("Could not check the action names"))
                .findFirst().orElseThrow();
        assertTrue(warning.endsWith("; reading without the check"), warning);
        assertFalse(warning.contains("next poll"), warning);
    }

    /**
     * Compares every README quote that starts at {@code anchor} (a regular expression) with the lines this run logged
     * from that anchor on; at least {@code atLeast} quotes must exist, so a moved or reworded quote is not silently
     * skipped.
     */
    private void assertReadmesQuoteAsLogged(String anchor, int atLeast) {
        assertReadmesQuote(anchor, atLeast, captured.text().lines().toList());
    }

    /**
     * As {@link #assertReadmesQuoteAsLogged}, against the given lines (an error's message, or what a test of its own
     * captured, e.g. ClockSkewTest) instead of the log.
     */
    public static void assertReadmesQuote(String anchor, int atLeast, List<String> seen) {
        Pattern start = Pattern.compile(anchor);
        List<String> logged = seen.stream().map(line -> fromAnchor(start, line)).filter(line -> line != null)
                .map(QuotedLogLinesTest::maskRunSpecific).toList();
        assertFalse(logged.isEmpty(), () -> "the run logged no line matching " + anchor + ":\n" + String.join("\n", seen));
        List<String> quotes = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        Readmes.all().forEach((file, text) -> {
            Matcher quote = start.matcher(text);
            while (quote.find()) {
                String quoted = maskRunSpecific(quoteAt(text, quote.start()));
                quotes.add(quoted);
                Pattern expected = Pattern.compile(Arrays.stream(quoted.split("\\s*(\\.\\.\\.|…)\\s*", -1))
                        .map(Pattern::quote).collect(Collectors.joining(".*?")));
                if (logged.stream().noneMatch(line -> expected.matcher(line).matches())) {
                    mismatches.add(file + ":" + Readmes.lineOf(text, quote.start()) + " quotes\n    " + quoted);
                }
            }
        });
        assertTrue(quotes.size() >= atLeast, () -> "READMEs quote " + anchor + " " + quotes.size() + " times, expected "
                                                   + atLeast + " or more");
        assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches) + "\nbut the run logged\n    "
                                               + String.join("\n    ", logged));
    }

    private static String fromAnchor(Pattern anchor, String line) {
        Matcher at = anchor.matcher(line);
        return at.find() ? line.substring(at.start()) : null;
    }

    /** The quote from {@code position} to the end of its line in a code block, or of its inline code span. */
    private static String quoteAt(String text, int position) {
        boolean inCodeBlock = FENCE.matcher(text.substring(0, position)).results().count() % 2 == 1;
        int lineEnd = text.indexOf('\n', position) < 0 ? text.length() : text.indexOf('\n', position);
        if (inCodeBlock) {
            return text.substring(position, lineEnd);
        }
        int spanEnd = text.indexOf('`', position);
        int paragraphEnd = text.indexOf("\n\n", position);
        int end = spanEnd < 0 || (paragraphEnd >= 0 && paragraphEnd < spanEnd) ? lineEnd : spanEnd;
        return text.substring(position, end).replaceAll("\\s*\\n\\s*", " ");
    }

    private static String maskRunSpecific(String line) {
        String masked = line;
        for (String[] rule : RUN_SPECIFIC) {
            masked = masked.replaceAll(rule[0], rule[1]);
        }
        return masked;
    }
}
