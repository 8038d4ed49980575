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

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders measurements as the Markdown BENCHMARKS.md quotes, and one progress line per drain. */
final class Report {

    private static final double MB = 1024.0 * 1024.0;

    private Report() {
    }

    static String progressLine(Measured m) {
        if (!m.succeeded()) {
            return String.format(Locale.ROOT, "round %d  %-36s limit %4d: FAILED after %d requests: %s", m.round(),
                                 m.contender().label(), m.limit(), m.requests().requests(), m.failure());
        }
        DrainResult d = m.drain();
        return String.format(Locale.ROOT, "round %d  %-36s limit %4d: %,9d events in %,7d ms = %,9.0f ev/s, cpu %,6d ms,"
                             + " live heap %s, rss %.0f MB, gc %d (%d ms), requests %d (min %d, windows %d)%s",
                m.round(), d.contender().label(), d.limit(), d.events(), d.wallMillis(), d.eventsPerSecond(),
                d.cpuMillis(), mb(d.liveHeapPeak()), d.rssPeak() / MB, d.gcCount(), d.gcMillis(), m.requests().requests(),
                m.requests().minimumPages(), m.requests().windows(),
                m.ids() == null ? "" : ", ids " + (m.ids().exactlyOnce() ? "exactly once" : m.ids()));
    }

    static String progressLine(RateLimitScenario.Outcome o) {
        return String.format(Locale.ROOT, "rate limit  %-32s %,d events in %,d ms, %d requests (%d needed), %d x 429,"
                             + " Retry-After violations %d",
                o.label(), o.drain().events(), o.drain().wallMillis(), o.requests(), o.pagesNeeded(),
                o.retryAfter().rateLimited(), o.retryAfter().violations());
    }

    /** The throughput table: medians over rounds per contender and page size, with the ratio to the raw baseline. */
    static String throughputTable(List<Measured> all, List<ContenderKind> contenders, List<Integer> limits) {
        StringBuilder table = new StringBuilder();
        table.append("| contender | limit | events/s (median) | min..max | x raw | CPU s / 1M events | live heap peak MB"
                     + " | heap pool peaks MB | RSS peak MB | GCs | GC ms | requests | min pages (windows) |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int limit : limits) {
            double raw = Stats.median(select(all, ContenderKind.RAW, limit), m -> m.drain().eventsPerSecond());
            for (ContenderKind contender : contenders) {
                List<Measured> runs = select(all, contender, limit);
                long failed = all.stream()
                        .filter(m -> !m.succeeded() && m.contender() == contender && m.limit() == limit).count();
                if (failed > 0) {
                    table.append(String.format(Locale.ROOT, "| %s | %d | failed %d of %d runs (see below) ||||||||||| %n",
                                               contender.label(), limit, failed, failed + runs.size()));
                }
                if (runs.isEmpty()) {
                    continue;
                }
                double rate = Stats.median(runs, m -> m.drain().eventsPerSecond());
                table.append(String.format(Locale.ROOT,
                        "| %s | %d | %,.0f | %,.0f..%,.0f | %s | %.2f | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f (%.0f) |\n",
                        contender.label(), limit, rate,
                        Stats.min(runs, m -> m.drain().eventsPerSecond()),
                        Stats.max(runs, m -> m.drain().eventsPerSecond()),
                        Double.isNaN(raw) ? "n/a" : String.format(Locale.ROOT, "%.2f", rate / raw),
                        Stats.median(runs, m -> m.drain().cpuSecondsPerMillion()),
                        liveHeapMedian(runs),
                        Stats.median(runs, m -> m.drain().heapPoolPeaks() / MB),
                        Stats.median(runs, m -> m.drain().rssPeak() / MB),
                        Stats.median(runs, m -> m.drain().gcCount()),
                        Stats.median(runs, m -> m.drain().gcMillis()),
                        Stats.median(runs, m -> m.requests().requests()),
                        Stats.median(runs, m -> m.requests().minimumPages()),
                        Stats.median(runs, m -> m.requests().windows())));
            }
        }
        return table.toString();
    }

    static String rateLimitTable(List<RateLimitScenario.Outcome> outcomes) {
        StringBuilder table = new StringBuilder();
        table.append("| component pacing | events | requests | pages needed | 429s | Retry-After honoured (least margin)"
                     + " | wall s | pages/50 per min s | x that | rolling-window minimum s |\n");
        table.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (RateLimitScenario.Outcome o : outcomes) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %d | %d | %d | %s | %.1f | %.1f | %.2f | %.1f |\n",
                    o.label(), o.drain().events(), o.requests(), o.pagesNeeded(), o.retryAfter().rateLimited(),
                    o.retryAfter().violations() == 0
                            ? "yes" + (o.retryAfter().smallestMarginMillis() >= 0
                                    ? " (" + o.retryAfter().smallestMarginMillis() + " ms)" : "")
                            : "NO: " + o.retryAfter().violations() + " early requests",
                    o.drain().wallMillis() / 1000.0, o.steadyMinimumMillis() / 1000.0,
                    o.drain().wallMillis() / (double) o.steadyMinimumMillis(), o.burstMinimumMillis() / 1000.0));
        }
        return table.toString();
    }

    /** Every drain, so a reader can see the spread behind each median. */
    static String allRuns(List<Measured> all) {
        return all.stream().map(Report::progressLine).collect(Collectors.joining("\n", "```\n", "\n```\n"));
    }

    private static List<Measured> select(List<Measured> all, ContenderKind contender, int limit) {
        return all.stream().filter(m -> m.succeeded() && m.contender() == contender && m.limit() == limit).toList();
    }

    private static String liveHeapMedian(List<Measured> runs) {
        List<Measured> collected = runs.stream().filter(m -> m.drain().liveHeapPeak() >= 0).toList();
        return collected.isEmpty() ? "no GC" : String.format(Locale.ROOT, "%.0f",
                Stats.median(collected, m -> m.drain().liveHeapPeak() / MB));
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "no GC" : String.format(Locale.ROOT, "%.0f MB", bytes / MB);
    }
}
