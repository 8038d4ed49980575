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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Latency at default options: a live simulator (events at a steady rate, each visible only after an indexing delay of
 * 0 to 20 s) and the component with nothing but its token and URL set, for some minutes; latency is the time from the
 * moment Slack made an event visible to the moment the route received it. Run with Slack's clock equal to, ahead of
 * and behind this machine's, in strict mode (a range in Slack's future is refused with {@code invalid_range}).
 */
final class LiveLatency {

    private static final String TOKEN = "xoxp-live-latency";
    private static final double EVENTS_PER_SECOND = 2;

    /** What one live run measured. */
    record Result(Duration clockOffset, Duration measured, int events, int missing, long failedPolls,
                  double requestsPerMinute, double p50, double p90, double p99, double max) {

        String row() {
            return String.format(Locale.ROOT, "| %+d s | %.0f min | %,d | %d | %d | %.1f | %.1f s | %.1f s | %.1f s | %.1f s |",
                    clockOffset.toSeconds(), measured.toSeconds() / 60.0, events, missing, failedPolls, requestsPerMinute,
                    p50, p90, p99, max);
        }
    }

    /** Several runs, side by side. */
    record Results(List<Result> runs) {
        String markdown() {
            StringBuilder md = new StringBuilder("Latency at default options (lag 5 s, overlap 6 min, delay 20 s), live"
                                                 + " simulator: 2 events a second, each visible 0-20 s (uniform) after"
                                                 + " its date_create; strict ranges.\n\n| Slack's clock vs this machine's"
                                                 + " | measured | events | not delivered | failed polls | /logs requests"
                                                 + " a minute | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|"
                                                 + "---|---|---|\n");
            runs.forEach(run -> md.append(run.row()).append("\n"));
            return md.toString();
        }
    }

    private LiveLatency() {
    }

    static Results measureAll(Duration duration, List<Duration> offsets) throws Exception {
        List<Result> runs = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Map<Duration, Result> byOffset = new ConcurrentHashMap<>();
        List<Exception> failures = new ArrayList<>();
        for (Duration offset : offsets) {
            Thread thread = new Thread(() -> {
                try {
                    byOffset.put(offset, measure(duration, offset));
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "live-latency" + offset);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        offsets.forEach(offset -> runs.add(byOffset.get(offset)));
        return new Results(runs);
    }

    static Result measure(Duration duration, Duration clockOffset) throws Exception {
        Map<String, Long> received = new ConcurrentHashMap<>();
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().token(TOKEN).seed(11).events(0)
                .live(EVENTS_PER_SECOND).clockOffset(clockOffset).strictRange(true).build().start();
             CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // nothing but what a user must set: the defaults decide lag, overlap, delay and pacing; oldest a
                    // little before Slack's now, so it is in neither clock's future
                    from("slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl() + "&oldest="
                         + (simulator.serverTime().getEpochSecond() - 180))
                            .routeId("live")
                            .process(exchange -> received.putIfAbsent(
                                    exchange.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class),
                                    System.currentTimeMillis()));
                }
            });
            long start = System.currentTimeMillis();
            context.start();
            Thread.sleep(duration.toMillis());
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("live").getConsumer();
            long failedPolls = consumer.getFailedPolls();
            long logsRequests = simulator.requests().stream().filter(r -> r.path().endsWith("/logs")).count();
            context.stop();

            // events that became visible after the start and early enough to be polled at least twice since
            long cutoff = System.currentTimeMillis() - Duration.ofSeconds(45).toMillis();
            List<Double> latencies = new ArrayList<>();
            int missing = 0;
            for (String id : simulator.eventIds()) {
                Optional<Instant> visible = simulator.visibleAt(id);
                if (visible.isEmpty()) {
                    continue;
                }
                // visibleAt is on the simulator's clock; received is on this machine's
                long visibleLocal = visible.get().toEpochMilli() - clockOffset.toMillis();
                if (visibleLocal < start || visibleLocal > cutoff) {
                    continue;
                }
                Long at = received.get(id);
                if (at == null) {
                    missing++;
                } else {
                    latencies.add((at - visibleLocal) / 1000.0);
                }
            }
            latencies.sort(null);
            return new Result(clockOffset, duration, latencies.size(), missing, failedPolls,
                    logsRequests / (duration.toMillis() / 60_000.0), percentile(latencies, 50), percentile(latencies, 90),
                    percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
