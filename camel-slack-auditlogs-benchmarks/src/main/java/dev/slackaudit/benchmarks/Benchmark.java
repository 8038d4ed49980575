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
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;

/**
 * Issue 7's benchmark: one simulator with a fixed seed and time span, every contender drains all of it in rotated
 * rounds, then the rate-limit scenario; the result as Markdown. The simulators live in this JVM, each contender in
 * its own.
 */
final class Benchmark {

    static final String TOKEN = "xoxp-benchmark";
    /** A fixed start of the span (not "now"), so the same seed serves the same events on every run. */
    private static final Instant SPAN_START = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * @param throughput       every drain of the throughput rounds
     * @param rateLimit        the rate-limit scenario's outcomes (empty if skipped)
     * @param sdkOnRealEvents  what happened when the Slack SDK read the real events (null if it did not run)
     * @param markdown         the report
     */
    record Results(List<Measured> throughput, List<RateLimitScenario.Outcome> rateLimit, String sdkOnRealEvents,
                   String markdown) {
    }

    private final BenchmarkOptions options;
    private final String commandLine;

    Benchmark(BenchmarkOptions options, String commandLine) {
        this.options = options;
        this.commandLine = commandLine;
    }

    Results run() throws IOException, InterruptedException {
        Files.createDirectories(options.workDirectory());
        ChildJvm jvm = new ChildJvm(options.xmx(), options.jvmOptions());
        String machineBefore = Machine.describe();
        List<Measured> throughput;
        String sdkOnRealEvents = null;
        String sdkDataset = "";
        try (SlackAuditLogsSimulator events = SlackAuditLogsSimulator.builder().seed(options.seed())
                .events(options.events())
                .timeSpan(SPAN_START, SPAN_START.plusSeconds(options.spanHours() * 3600L - 1))
                .token(TOKEN).build().start();
             SlackAuditLogsSimulator sdkReadable = sdkReadable(events)) {
            System.out.printf("simulator: %,d events, seed %d, %d h span, %s%n", events.eventCount(), options.seed(),
                              options.spanHours(), events.baseUrl());
            if (sdkReadable != null) {
                sdkOnRealEvents = sdkOnRealEvents(jvm, events);
                sdkDataset = sdkReadable.eventCount() + " events, of which " + sdkRewritten + " anomaly events had"
                             + " details.reason rewritten from an array to a string";
                System.out.println("Slack SDK on the real events: " + sdkOnRealEvents);
            }
            throughput = new ThroughputBenchmark(options, new ThroughputBenchmark.Servers(events, sdkReadable), TOKEN,
                                                 jvm).run();
        }
        List<RateLimitScenario.Outcome> rateLimit = options.rateLimitPages() > 0
                ? new RateLimitScenario(options.rateLimitPages(), options.seed(), TOKEN, jvm, options.workDirectory()).run()
                : List.of();
        String markdown = markdown(jvm, throughput, rateLimit, machineBefore, sdkOnRealEvents, sdkDataset);
        Files.writeString(options.workDirectory().resolve("results.md"), markdown);
        return new Results(throughput, rateLimit, sdkOnRealEvents, markdown);
    }

    private int sdkRewritten;

    /** A second simulator with the events the Slack SDK can parse, or null if the SDK does not run. */
    private SlackAuditLogsSimulator sdkReadable(SlackAuditLogsSimulator events) {
        if (!options.contenders().contains(ContenderKind.SLACK_SDK)) {
            return null;
        }
        SdkReadableEvents.Rewrite rewrite = SdkReadableEvents.of(events.eventJson());
        sdkRewritten = rewrite.rewritten();
        return SlackAuditLogsSimulator.builder().events(0).entries(rewrite.events()).token(TOKEN).build().start();
    }

    /** Drains the real events once with the SDK: does it get through them? */
    private String sdkOnRealEvents(ChildJvm jvm, SlackAuditLogsSimulator events)
            throws IOException, InterruptedException {
        DrainTarget target = new DrainTarget(events.baseUrl(), TOKEN, events.oldestDateCreate(),
                events.newestDateCreate(), options.limits().get(0), 0, "");
        try {
            DrainResult drain = jvm.run(ContenderKind.SLACK_SDK, target,
                                        options.workDirectory().resolve("sdk-on-real-events"), false);
            return "read all " + drain.events() + " events";
        } catch (IllegalStateException e) {
            return "failed: " + e.getMessage();
        }
    }

    private String markdown(ChildJvm jvm, List<Measured> throughput, List<RateLimitScenario.Outcome> rateLimit,
                            String machineBefore, String sdkOnRealEvents, String sdkDataset) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(commandLine).append("`\n\n");
        md.append("Contender JVM options: `").append(String.join(" ", jvm.jvmOptions())).append("`\n\n");
        md.append("Machine at start: ").append(machineBefore).append("\n\n");
        md.append("Load average at end: ").append(Machine.loadAverage()).append("\n\n");
        md.append(String.format("%,d events, seed %d, span %d h, %d round(s), order rotated each round.%n%n",
                                options.events(), options.seed(), options.spanHours(), options.rounds()));
        if (!options.componentOptions().isEmpty()) {
            md.append("Component options added: `").append(options.componentOptions()).append("`\n\n");
        }
        if (sdkOnRealEvents != null) {
            md.append("Slack SDK on the real events: ").append(sdkOnRealEvents).append("\n\n");
            md.append("Slack SDK rows measured on: ").append(sdkDataset).append("\n\n");
        }
        md.append(Report.throughputTable(throughput, options.contenders(), options.limits())).append('\n');
        if (!rateLimit.isEmpty()) {
            md.append("Rate limit: simulator budget ").append(RateLimitScenario.BUDGET_PER_MINUTE)
                    .append(" requests per rolling minute, limit ").append(RateLimitScenario.LIMIT)
                    .append(", component options `windowSize=P1D&maxEventsPerWindow=<events + 1>`\n\n");
            md.append(Report.rateLimitTable(rateLimit)).append('\n');
        }
        md.append("Every drain:\n\n").append(Report.allRuns(throughput));
        return md.toString();
    }
}
