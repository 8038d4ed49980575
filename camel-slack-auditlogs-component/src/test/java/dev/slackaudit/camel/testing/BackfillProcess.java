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
package dev.slackaudit.camel.testing;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * A consumer in a JVM of its own, for the tests that need one: a backfill under a small heap, and a consumer killed
 * with SIGKILL and started again. It writes every event as a JSON line to a file, keeps its checkpoint in a
 * {@link FileStateRepository} and, if asked, its delivered ids in a {@link FileIdempotentRepository}; it exits once
 * its checkpoint has passed {@code until} and prints {@code DONE} with its peak heap. On SIGTERM it stops gracefully,
 * as camel-main does. The system property {@code backfill.sinkDelayMillis} slows the sink down.
 * <p>
 * Arguments: baseUrl token oldest until dataDir consumerOptions useFileIdempotentRepository [aggregateSize]. With an
 * aggregateSize the route writes groups of that many events through {@code aggregate()} with its default, in-memory,
 * aggregation repository (completed when the route stops, so only a crash loses what it holds), as a user who batches
 * downstream of the consumer would.
 */
public final class BackfillProcess {

    private BackfillProcess() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        long oldest = Long.parseLong(args[2]);
        long until = Long.parseLong(args[3]);
        File dataDir = new File(args[4]);
        String options = args[5];
        boolean fileIds = Boolean.parseBoolean(args[6]);
        int aggregateSize = args.length > 7 ? Integer.parseInt(args[7]) : 0;

        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("state", FileStateRepository.fileStateRepository(new File(dataDir, "state")));
            if (fileIds) {
                context.getRegistry().bind("ids",
                        FileIdempotentRepository.fileIdempotentRepository(new File(dataDir, "ids"), 100_000));
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String sink = "file:" + dataDir + "?fileName=events.jsonl&fileExist=Append&appendChars=\\n";
                    RouteDefinition route = from("slack-auditlogs:logs?token=RAW(" + token + ")&baseUrl=" + baseUrl
                         + "&oldest=" + oldest + "&lag=PT0S&initialDelay=0&delay=200&maxRequestsPerMinute=0"
                         + "&stateRepository=#state&stateKey=backfill" + (fileIds ? "&idempotentRepository=#ids" : "")
                         + "&" + options)
                            .routeId("backfill");
                    long sinkDelay = Long.getLong("backfill.sinkDelayMillis", 0);
                    if (sinkDelay > 0) {
                        route.delay(sinkDelay); // a slow sink, so that a stop lands mid-backfill on a loaded machine
                    }
                    if (aggregateSize > 0) {
                        route.aggregate(constant(true), AggregationStrategies.string("\n"))
                                .completionSize(aggregateSize).forceCompletionOnStop()
                                .to(sink);
                    } else {
                        route.to(sink);
                    }
                }
            });
            // what camel-main does on SIGTERM: stop the CamelContext gracefully before the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
            context.start();
            SlackAuditLogsConsumer consumer = (SlackAuditLogsConsumer) context.getRoute("backfill").getConsumer();
            while (Instant.parse(consumer.getCheckpoint()).getEpochSecond() <= until) {
                Thread.sleep(100);
            }
            System.out.println("DONE events=" + consumer.getEventsDelivered() + " pages=" + consumer.getPagesFetched()
                               + " peakHeapBytes=" + peakHeap());
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
