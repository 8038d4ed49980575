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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.slackaudit.simulator.HistoryShape;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;

/**
 * The quota report of issue 10: for each shape of history, the requests the component needs for a backfill at default
 * options against the pages one cursor loop needs over the same range, the backfill's wall time under pacing at 20 and
 * 50 requests a minute against the theoretical minimum (pages / rate), and the heap it took; then the latency from
 * visibility to the route on a live simulator ({@link LiveLatency}); and what the recheck of late events costs a
 * caught-up consumer on that history ({@link RecheckCost}). Each drain runs in a JVM of its own ({@link ChildJvm},
 * {@code -Xmx128m}); the paced drains run side by side, since they mostly wait for the pacer.
 * <p>
 * Arguments: {@code [--shapes quiet,typical,bursty,tied,dense,heavy] [--rates 20,50] [--latency-minutes 6]
 * [--recheck-hours 3] [--drains true] [--work-dir target/quota]}; {@code --drains false} measures the recheck only.
 */
public final class QuotaBenchmark {

    private static final String TOKEN = "xoxp-quota-benchmark";
    private static final int LIMIT = 9999;
    private static final int MAX_EVENTS_WITH_ID_CHECK = 200_000;

    /** A history to drain: one of the simulator's shapes, or a tied second of more than a page inside a day. */
    record Shape(String name, String description, SlackAuditLogsSimulator.Builder builder) {
    }

    /** What one shape measured. */
    record Row(Shape shape, int events, long pages, DrainResult unpaced, IdCheck ids, List<DrainResult> paced,
               RecheckCost.Result recheck) {
    }

    private QuotaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> shapes = List.of("quiet", "typical", "bursty", "tied", "dense", "heavy");
        List<Integer> rates = List.of(20, 50);
        int latencyMinutes = 6;
        int recheckHours = 3;
        boolean drains = true;
        Path work = Path.of("target/quota");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shapes" -> shapes = List.of(args[i + 1].split(","));
                case "--rates" -> rates = List.of(args[i + 1].split(",")).stream().map(Integer::valueOf).toList();
                case "--latency-minutes" -> latencyMinutes = Integer.parseInt(args[i + 1]);
                case "--work-dir" -> work = Path.of(args[i + 1]);
                case "--recheck-hours" -> recheckHours = Integer.parseInt(args[i + 1]);
                case "--drains" -> drains = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(work);
        ChildJvm child = new ChildJvm("128m", List.of("-XX:+UseSerialGC"));
        Instant started = Instant.now();
        String machine = Machine.describe();

        ExecutorService background = Executors.newCachedThreadPool();
        int minutes = latencyMinutes;
        Future<LiveLatency.Results> latency = minutes > 0 ? background.submit(() -> LiveLatency.measureAll(
                Duration.ofMinutes(minutes), List.of(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(-2)))) : null;
        List<Row> rows = new ArrayList<>();
        for (String name : shapes) {
            Shape shape = shape(name);
            try (SlackAuditLogsSimulator simulator = shape.builder().token(TOKEN).compactStorage(true).build().start()) {
                RecheckCost.Result recheck = recheckHours > 0 ? RecheckCost.measure(simulator, TOKEN, recheckHours) : null;
                if (!drains) {
                    rows.add(new Row(shape, simulator.eventCount(), 0, null, null, List.of(), recheck));
                    System.out.println(shape.name() + ": rechecks " + (recheck == null ? "not measured" : recheck.cells()));
                    continue;
                }
                long oldest = simulator.oldestDateCreate();
                long latest = simulator.serverTime().getEpochSecond();
                long pages = new PageCounter(simulator.baseUrl(), TOKEN).pages(oldest, latest, LIMIT);
                DrainTarget unpaced = new DrainTarget(simulator.baseUrl(), TOKEN, oldest, latest, LIMIT, 0, "");
                // the harness's id list costs about 100 bytes an event in the drained JVM: only where it fits next to
                // the component in 128 MB (the build's QuotaTest checks every id of a dense history scaled down)
                boolean checkIds = simulator.eventCount() <= MAX_EVENTS_WITH_ID_CHECK;
                DrainResult drained = child.run(ContenderKind.COMPONENT, unpaced, work.resolve(name + "-unpaced"), checkIds);
                IdCheck ids = checkIds ? IdCheck.of(simulator.eventIds(), Path.of(drained.idsFile())) : null;
                List<Future<DrainResult>> runs = new ArrayList<>();
                for (int rate : rates) {
                    DrainTarget paced = new DrainTarget(simulator.baseUrl(), TOKEN, oldest, latest, LIMIT, rate, "");
                    Path directory = work.resolve(name + "-paced-" + rate);
                    runs.add(background.submit(() -> child.run(ContenderKind.COMPONENT, paced, directory, false)));
                }
                List<DrainResult> paced = new ArrayList<>();
                for (Future<DrainResult> run : runs) {
                    paced.add(run.get());
                }
                Row row = new Row(shape, simulator.eventCount(), pages, drained, ids, paced, recheck);
                rows.add(row);
                System.out.println(line(row, rates));
            }
        }
        LiveLatency.Results live = latency == null ? null : latency.get();
        background.shutdown();
        System.out.println();
        System.out.println(drains ? markdown(rows, rates, live, started, machine, String.join(" ", args))
                : recheckMarkdown(rows, started, machine, String.join(" ", args)));
        System.exit(0);
    }

    static Shape shape(String name) {
        Instant end = Instant.now().minus(Duration.ofMinutes(2));
        return switch (name) {
            case "tied" -> new Shape(name, "5,000 events over a day and one second holding 15,000",
                    SlackAuditLogsSimulator.builder().seed(6).events(5_000).timeSpan(end.minus(Duration.ofDays(1)), end)
                            .tiedSecond(15_000, end.minus(Duration.ofHours(3))));
            default -> {
                HistoryShape shape = HistoryShape.parse(name);
                String burst = shape.burstEvents() > 0
                        ? String.format(Locale.ROOT, " holding a %,d-event burst within 10 minutes", shape.burstEvents()) : "";
                yield new Shape(name, String.format(Locale.ROOT, "%,d events over %d days%s", shape.events(),
                        shape.span().toDays(), burst), SlackAuditLogsSimulator.builder().seed(name.length()).shape(shape));
            }
        };
    }

    /** The report of a run that measured the recheck only ({@code --drains false}). */
    static String recheckMarkdown(List<Row> rows, Instant started, String machine, String args) {
        StringBuilder md = new StringBuilder();
        md.append("#### Recheck cost, ").append(started).append("\n\n");
        md.append("`camel-slack-auditlogs-benchmarks/run-quota-benchmark.sh ").append(args).append("`; machine: ")
                .append(machine).append(". A caught-up consumer at default options (recheck 24 h every hour, delay 20 s),")
                .append(" played ").append(RecheckCost.SPEED_UP).append(" times faster; requests counted for the")
                .append(" hours after the first hour of rechecks.\n\n");
        md.append("| history | events | rechecks: requests an hour | share of the polls' 180 requests an hour |\n");
        md.append("|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s: %s | %,d | %s |\n", row.shape().name(),
                    row.shape().description(), row.events(),
                    row.recheck() == null ? "not measured | " : row.recheck().cells()));
        }
        return md.toString();
    }

    private static String line(Row row, List<Integer> rates) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d events, %d pages, %d requests, ids %s,"
                + " rechecks %s", row.shape().name(), row.events(), row.pages(), row.unpaced().clientRequests(),
                idsText(row.ids()), row.recheck() == null ? "not measured" : row.recheck().cells()));
        for (int i = 0; i < rates.size(); i++) {
            line.append(String.format(Locale.ROOT, ", at %d/min %.1f s", rates.get(i), row.paced().get(i).wallMillis() / 1000.0));
        }
        return line.toString();
    }

    private static String idsText(IdCheck ids) {
        return ids == null ? "not recorded" : ids.exactlyOnce() ? "every id once" : ids.toString();
    }

    static String markdown(List<Row> rows, List<Integer> rates, LiveLatency.Results live, Instant started,
                           String machine, String args) {
        StringBuilder md = new StringBuilder();
        md.append("#### Quota report, ").append(started).append("\n\n");
        md.append("`camel-slack-auditlogs-benchmarks/run-quota-benchmark.sh ").append(args).append("`; machine: ")
                .append(machine).append(". Default options (pages of 9,999, windows of up to 500,000 events), each drain")
                .append(" a bounded export in its own JVM with `-Xmx128m`; ids checked on the unpaced drain up to 200,000 events (above,")
                .append(" the harness's own id list would not fit next to the component in 128 MB).\n\n");
        md.append("| history | events | one cursor loop (pages) | component requests | ratio | ids |");
        for (int rate : rates) {
            md.append(" wall at ").append(rate).append("/min (minimum) |");
        }
        md.append(" heap peak | rechecks: requests an hour (share of the polls' 180) |\n|---|---|---|---|---|---|");
        rates.forEach(rate -> md.append("---|"));
        md.append("---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s: %s | %,d | %d | %d | %.2f | %s |", row.shape().name(),
                    row.shape().description(), row.events(), row.pages(), row.unpaced().clientRequests(),
                    (double) row.unpaced().clientRequests() / row.pages(),
                    idsText(row.ids())));
            for (int i = 0; i < rates.size(); i++) {
                double minimum = row.pages() * 60.0 / rates.get(i);
                md.append(String.format(Locale.ROOT, " %.0f s (%.0f s) |", row.paced().get(i).wallMillis() / 1000.0, minimum));
            }
            md.append(String.format(Locale.ROOT, " %.0f MB | %s |\n", row.unpaced().heapPoolPeaks() / 1e6,
                    row.recheck() == null ? "not measured" : row.recheck().cells()));
        }
        if (live != null) {
            md.append("\n").append(live.markdown()).append("\n");
        }
        return md.toString();
    }
}
