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
package dev.slackaudit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;

/**
 * A backfill under Slack's org-wide budget of 50 requests per rolling minute, enforced by the simulator with 429 and
 * {@code Retry-After}. The component drains it three ways: paced at the budget, with pacing off (it meets 429s and
 * must honour Retry-After), and with its default pacing of 20 a minute.
 * <p>
 * The backfill needs a few more pages than the budget allows in one minute, so the 429 path is exercised, yet stays
 * short enough to run. It is read as one window ({@code windowSize=P1D}, a {@code maxEventsPerWindow} above the
 * event count), so the request count is the page count and the theoretical minimum is easy to state.
 */
final class RateLimitScenario {

    static final int BUDGET_PER_MINUTE = 50;
    static final int LIMIT = 1000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * @param label            what varied
     * @param pacing           the component's maxRequestsPerMinute
     * @param drain            the contender's report
     * @param requests         requests that reached the simulator
     * @param pagesNeeded      the fewest requests that can read the backfill (one per page)
     * @param retryAfter       whether every Retry-After was honoured
     * @param steadyMinimumMillis pages needed at the budget's steady rate (pages / 50 per minute), the yardstick
     * @param burstMinimumMillis  the least the simulator's rolling window allows: 50 at once, then 50 more each minute
     */
    record Outcome(String label, int pacing, DrainResult drain, int requests, long pagesNeeded,
                   RetryAfterCheck retryAfter, long steadyMinimumMillis, long burstMinimumMillis) {
    }

    private final int pages;
    private final long seed;
    private final String token;
    private final ChildJvm jvm;
    private final Path workDirectory;

    RateLimitScenario(int pages, long seed, String token, ChildJvm jvm, Path workDirectory) {
        this.pages = pages;
        this.seed = seed;
        this.token = token;
        this.jvm = jvm;
        this.workDirectory = workDirectory;
    }

    List<Outcome> run() throws IOException, InterruptedException {
        // half a page short of `pages` full pages, so the last page is partial and no empty page is needed
        int events = pages * LIMIT - LIMIT / 2;
        String windowOptions = "windowSize=P1D&maxEventsPerWindow=" + (events + 1);
        List<Outcome> outcomes = new ArrayList<>();
        int[] pacings = {BUDGET_PER_MINUTE, 0, 20};
        String[] labels = {"paced at 50/min", "pacing off (429 + Retry-After)", "default pacing (20/min)"};
        // the same events without a budget, to count the pages needed without spending the budget on it
        try (SlackAuditLogsSimulator reference = simulator(events, 0)) {
            PageCounter pages = new PageCounter(reference.baseUrl(), token);
            for (int i = 0; i < pacings.length; i++) {
                outcomes.add(run(labels[i], pacings[i], events, windowOptions, pages));
            }
        }
        return outcomes;
    }

    private SlackAuditLogsSimulator simulator(int events, int budgetPerMinute) {
        return SlackAuditLogsSimulator.builder().seed(seed).events(events).timeSpan(START, START.plusSeconds(3599))
                .token(token).rateLimitPerMinute(budgetPerMinute).build().start();
    }

    private Outcome run(String label, int pacing, int events, String windowOptions, PageCounter pages)
            throws IOException, InterruptedException {
        // a fresh simulator per variant: each starts with the whole minute's budget, as a new day's backfill would
        try (SlackAuditLogsSimulator simulator = simulator(events, BUDGET_PER_MINUTE)) {
            DrainTarget target = new DrainTarget(simulator.baseUrl(), token, simulator.oldestDateCreate(),
                    simulator.newestDateCreate(), LIMIT, pacing, windowOptions);
            DrainResult drain = jvm.run(ContenderKind.COMPONENT, target,
                    workDirectory.resolve("rate-limit/pacing-" + pacing), false);
            List<RecordedRequest> log = simulator.requests();
            RequestAudit requests = RequestAudit.of(log, pages, LIMIT);
            long needed = requests.minimumPages();
            Outcome outcome = new Outcome(label, pacing, drain, requests.requests(), needed, RetryAfterCheck.of(log),
                    needed * 60_000 / BUDGET_PER_MINUTE, (needed - 1) / BUDGET_PER_MINUTE * 60_000);
            System.out.println(Report.progressLine(outcome));
            return outcome;
        }
    }
}
