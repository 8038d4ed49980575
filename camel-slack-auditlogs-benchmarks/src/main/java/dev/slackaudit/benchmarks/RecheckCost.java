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
import java.util.Locale;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What the recheck costs on one shape of history: the requests a caught-up consumer spends on rechecks per hour at
 * default options, as a share of the requests its polls make (one per {@code delay} of 20 s: 180 an hour).
 * <p>
 * An hour at the defaults is played {@value #SPEED_UP} times faster: polls every 100 ms instead of 20 s and a recheck
 * every 18 s instead of every hour. The recheck's budget is a share of one request per delay and its passes are sized
 * from the budget of one interval, so both scale together and the requests counted per played hour are those of a
 * real hour; the history (the span a recheck reads) is not sped up. Requests are counted by the consumer
 * ({@code RecheckRequests}) for the hours asked for, after the first hour of rechecks: the budget may hold one
 * interval's requests when the first recheck begins, which that hour may spend on top of its own, once.
 * <p>
 * The idempotent repository answers that every id was delivered, as a persistent one would after the consumer had run
 * for a day: the recheck then reads its whole span (no in-memory repository limits it) and delivers nothing, which is
 * what is measured, its requests.
 */
final class RecheckCost {

    static final int SPEED_UP = 200;
    /** The requests an hour of a caught-up consumer's polls at default options: one per delay of 20 s. */
    static final double POLL_REQUESTS_PER_HOUR = 3600 / 20.0;

    /** What one shape measured. */
    record Result(int hours, long recheckRequests, long requests) {

        double perHour() {
            return (double) recheckRequests / hours;
        }

        double share() {
            return perHour() / POLL_REQUESTS_PER_HOUR;
        }

        String cells() {
            return String.format(Locale.ROOT, "%.1f | %.1f%%", perHour(), 100 * share());
        }
    }

    private RecheckCost() {
    }

    static Result measure(SlackAuditLogsSimulator simulator, String token, int hours) throws Exception {
        Duration delay = Duration.ofSeconds(20).dividedBy(SPEED_UP);
        Duration interval = Duration.ofHours(1).dividedBy(SPEED_UP);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("everyIdDelivered", new EveryIdDelivered());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the defaults but the pace; the last 10 minutes read first, which tells the consumer the density
                    from("slack-auditlogs:logs?token=RAW(" + token + ")&baseUrl=" + simulator.baseUrl()
                         + "&oldest=PT10M&maxRequestsPerMinute=0&idempotentRepository=#everyIdDelivered&delay="
                         + delay.toMillis() + "&recheckInterval=" + interval.toSeconds() + "s")
                            .routeId("recheck-cost").process(exchange -> {
                            });
                }
            });
            context.start();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("recheck-cost").getConsumer();
            long deadline = System.nanoTime() + interval.multipliedBy(10).toNanos();
            while (consumer.getRecheckRequests() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no recheck within 10 intervals");
                }
                Thread.sleep(10);
            }
            // the budget may hold one interval's worth when the first recheck begins (saved since the start): spent in
            // the first hour, once; the hours measured are those after it
            Thread.sleep(interval.toMillis());
            long firstRecheck = consumer.getRecheckRequests();
            long firstTotal = consumer.getRequests();
            Thread.sleep(interval.multipliedBy(hours).toMillis());
            return new Result(hours, consumer.getRecheckRequests() - firstRecheck, consumer.getRequests() - firstTotal);
        }
    }

    /** A repository that has every id: a persistent one after a day of delivery. */
    private static final class EveryIdDelivered extends ServiceSupport implements IdempotentRepository {
        @Override
        public boolean add(String key) {
            return false;
        }

        @Override
        public boolean contains(String key) {
            return true;
        }

        @Override
        public boolean remove(String key) {
            return false;
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
        }

        @Override
        public boolean add(Exchange exchange, String key) {
            return add(key);
        }
    }
}
