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
import java.util.ArrayList;
import java.util.List;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;

/**
 * Drains the simulator's whole range with every contender, one child JVM per drain, rotating the order each round
 * so no contender always runs first (cold page cache, a neighbour's build) or last.
 */
final class ThroughputBenchmark {

    /**
     * Where contenders drain from: the real events, and for the Slack SDK the {@link SdkReadableEvents} copy.
     */
    record Servers(SlackAuditLogsSimulator events, SlackAuditLogsSimulator sdkReadable) {

        SlackAuditLogsSimulator of(ContenderKind contender) {
            return contender == ContenderKind.SLACK_SDK ? sdkReadable : events;
        }
    }

    private final BenchmarkOptions options;
    private final Servers servers;
    private final String token;
    private final ChildJvm jvm;

    ThroughputBenchmark(BenchmarkOptions options, Servers servers, String token, ChildJvm jvm) {
        this.options = options;
        this.servers = servers;
        this.token = token;
        this.jvm = jvm;
    }

    List<Measured> run() throws IOException, InterruptedException {
        List<Measured> all = new ArrayList<>();
        List<String> servedIds = options.recordIds() ? servers.events().eventIds() : List.of();
        // both servers serve the same ranges and page boundaries, so one counter (on the real events) serves both
        PageCounter pages = new PageCounter(servers.events().baseUrl(), token);
        for (int round = 0; round < options.rounds(); round++) {
            for (ContenderKind contender : Stats.rotated(options.contenders(), round)) {
                for (int limit : options.limits()) {
                    all.add(drain(round, contender, limit, pages, servedIds));
                }
            }
        }
        return all;
    }

    private Measured drain(int round, ContenderKind contender, int limit, PageCounter pages, List<String> servedIds)
            throws IOException, InterruptedException {
        SlackAuditLogsSimulator simulator = servers.of(contender);
        DrainTarget target = new DrainTarget(simulator.baseUrl(), token, simulator.oldestDateCreate(),
                simulator.newestDateCreate(), limit, 0, options.componentOptions());
        Path workDirectory = options.workDirectory()
                .resolve("round-" + round + "/" + contender.name().toLowerCase() + "-" + limit);
        simulator.clearRequests();
        Measured measured;
        try {
            DrainResult drain = jvm.run(contender, target, workDirectory, options.recordIds());
            RequestAudit requests = RequestAudit.of(simulator.requests(), pages, limit);
            IdCheck ids = drain.idsFile() == null ? null : IdCheck.of(servedIds, Path.of(drain.idsFile()));
            measured = new Measured(round, contender, limit, drain, requests, ids, null);
        } catch (IllegalStateException e) {
            measured = Measured.failed(round, contender, limit, RequestAudit.of(simulator.requests(), pages, limit),
                                       e.getMessage());
        }
        System.out.println(Report.progressLine(measured));
        return measured;
    }
}
