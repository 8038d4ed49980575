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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one consumer, tagged with the CamelContext, the route id and the checkpoint key (never the token, never
 * an endpoint URI). Gauges and function counters read the consumer's own figures when the registry is scraped, so a
 * poll costs nothing more. Loaded only through {@link ConsumerMetrics}, once Micrometer is known to be there.
 */
final class MicrometerConsumerMetrics {

    /** The name camel-micrometer binds its registry under ({@code MicrometerConstants.METRICS_REGISTRY_NAME}). */
    static final String REGISTRY_NAME = "metricsRegistry";
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerConsumerMetrics.class);
    private static final String PREFIX = "slack.auditlogs.";

    private MicrometerConsumerMetrics() {
    }

    static AutoCloseable bind(CamelContext context, ConsumerWatch watch) {
        MeterRegistry registry = findRegistry(context.getRegistry());
        if (registry == null) {
            return ConsumerMetrics.NONE;
        }
        Tags tags = Tags.of("camelContext", context.getName(),
                "routeId", Objects.requireNonNullElse(watch.routeId(), ""),
                "checkpointKey", watch.checkpointKey());
        SlackAuditLogsConsumer consumer = watch.consumer();
        List<Meter> meters = new ArrayList<>(List.of(
                gauge(registry, tags, "seconds.behind", null, consumer, SlackAuditLogsConsumer::getSecondsBehind,
                        "Seconds between the checkpoint (the first second not yet delivered) and now"),
                gauge(registry, tags, "backfill.progress", "percent", consumer, SlackAuditLogsConsumer::getBackfillProgress,
                        "How far the checkpoint has come from where reading started towards now minus lag (or"
                        + " latest); 100 when caught up"),
                gauge(registry, tags, "export.complete", null, consumer, c -> c.isExportComplete() ? 1 : 0,
                        "1 once the checkpoint has passed the latest option (a bounded export is done), else 0"),
                gauge(registry, tags, "last.successful.poll.timestamp", "seconds", watch,
                        MicrometerConsumerMetrics::lastSuccessfulPollSeconds,
                        "Unix time of the last poll that ended without an error; 0 before the first one"),
                counter(registry, tags, "events.delivered", null, consumer, SlackAuditLogsConsumer::getEventsDelivered,
                        "Events the route completed"),
                counter(registry, tags, "pages.fetched", null, consumer, SlackAuditLogsConsumer::getPagesFetched,
                        "Pages of /logs read"),
                counter(registry, tags, "requests", null, consumer, SlackAuditLogsConsumer::getRequests,
                        "HTTP requests sent to Slack, retries included"),
                counter(registry, tags, "rate.limited", null, consumer, SlackAuditLogsConsumer::getRateLimitedCount,
                        "HTTP 429 answers received"),
                counter(registry, tags, "rate.limit.wait", "seconds", consumer,
                        c -> c.getRateLimitWaitMillis() / 1000.0, "Time waited for Retry-After"),
                counter(registry, tags, "retries", null, consumer, SlackAuditLogsConsumer::getRetries,
                        "Requests repeated after a transient failure"),
                counter(registry, tags, "failed.polls", null, consumer, SlackAuditLogsConsumer::getFailedPolls,
                        "Polls that ended with an error (the next poll retries from the checkpoint)"),
                counter(registry, tags, "recheck.requests", null, consumer, SlackAuditLogsConsumer::getRecheckRequests,
                        "HTTP requests sent to Slack by rechecks (included in requests)")));
        // recorded as the consumer finds late events, unlike the figures above, which are read when scraped
        takeOver(registry, tags, "lateness", Meter.Type.DISTRIBUTION_SUMMARY);
        DistributionSummary lateness = DistributionSummary.builder(PREFIX + "lateness").tags(tags).baseUnit("seconds")
                .description("How late Slack indexed the events found late (by a recheck or in the overlap): when the"
                             + " consumer first could see one minus its date_create")
                // a histogram, not percentiles computed here: the backend computes p99 across nodes and restarts
                .publishPercentileHistogram().minimumExpectedValue(1.0)
                .maximumExpectedValue((double) Duration.ofDays(2).toSeconds()).register(registry);
        meters.add(lateness);
        LongConsumer record = lateness::record;
        consumer.lateness().addListener(record);
        LOG.debug("Published {} meters for route {} (checkpoint key {})", meters.size(), watch.routeId(),
                  watch.checkpointKey());
        return () -> {
            consumer.lateness().removeListener(record);
            meters.forEach(meter -> removeIfStillRegistered(registry, meter));
        };
    }

    /**
     * The registry the way camel-micrometer finds it: the one bound as {@value #REGISTRY_NAME}, else the only composite
     * registry (Spring Boot's when it exports to several systems), else the only registry.
     */
    static MeterRegistry findRegistry(Registry camelRegistry) {
        MeterRegistry named = camelRegistry.lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<CompositeMeterRegistry> composites = camelRegistry.findByType(CompositeMeterRegistry.class);
        if (composites.size() == 1) {
            return composites.iterator().next();
        }
        Set<MeterRegistry> registries = camelRegistry.findByType(MeterRegistry.class);
        if (registries.size() == 1) {
            return registries.iterator().next();
        }
        if (registries.size() > 1) {
            LOG.info("{} Micrometer registries and no single composite one: no slack-auditlogs meters are published;"
                     + " bind the one to use as '{}'", registries.size(), REGISTRY_NAME);
        }
        return null;
    }

    private static <T> Meter gauge(MeterRegistry registry, Tags tags, String name, String unit, T state,
                                   ToDoubleFunction<T> value, String description) {
        takeOver(registry, tags, name, Meter.Type.GAUGE);
        return Gauge.builder(PREFIX + name, state, value).tags(tags).baseUnit(unit).description(description)
                .register(registry);
    }

    private static <T> Meter counter(MeterRegistry registry, Tags tags, String name, String unit, T state,
                                     ToDoubleFunction<T> value, String description) {
        takeOver(registry, tags, name, Meter.Type.COUNTER);
        return FunctionCounter.builder(PREFIX + name, state, value).tags(tags).baseUnit(unit).description(description)
                .register(registry);
    }

    /**
     * Removes the meter an earlier consumer of the same route and checkpoint key left (a route restart, a failover
     * back to this node): Micrometer would hand back that one, still reading the earlier consumer.
     */
    private static void takeOver(MeterRegistry registry, Tags tags, String name, Meter.Type type) {
        registry.removeByPreFilterId(new Meter.Id(PREFIX + name, tags, null, null, type));
    }

    private static double lastSuccessfulPollSeconds(ConsumerWatch watch) {
        Instant last = watch.lastSuccessfulPoll();
        return last == null ? 0 : last.toEpochMilli() / 1000.0;
    }

    /** Removes a meter unless a newer consumer of the same route has registered its own under the same id. */
    private static void removeIfStillRegistered(MeterRegistry registry, Meter meter) {
        Meter current = registry.find(meter.getId().getName()).tags(meter.getId().getTags()).meter();
        if (current == meter) {
            registry.remove(meter);
        }
    }
}
