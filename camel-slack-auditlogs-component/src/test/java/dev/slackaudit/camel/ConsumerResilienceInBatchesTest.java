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

import java.util.concurrent.atomic.AtomicInteger;

import dev.slackaudit.camel.model.AuditLogBatch;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterEach;

import static org.apache.camel.builder.Builder.body;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fault of {@link ConsumerResilienceTest} again with {@code batchSize=30}: the batches are split into their
 * events before the sink, so each test's "every id once, oldest first" holds across batches. Faults hit reading, and a
 * window is read completely before its first batch goes out, so no batch is repeated: duplicates are 0.
 */
class ConsumerResilienceInBatchesTest extends ConsumerResilienceTest {

    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger largest = new AtomicInteger();

    @Override
    protected String logsUri(String options) {
        return super.logsUri(options + "&batchSize=30");
    }

    @Override
    protected void deliver(RouteDefinition route) {
        route.process(exchange -> {
            batches.incrementAndGet();
            largest.accumulateAndGet(exchange.getMessage().getBody(AuditLogBatch.class).size(), Math::max);
        })
                .split(body())
                .process(exchange -> exchange.getMessage().setHeader(SlackAuditLogsConstants.ID,
                        exchange.getMessage().getBody(AuditLogEntry.class).getId()))
                .to("mock:events");
    }

    @AfterEach
    void deliveredInBatches() {
        assertTrue(batches.get() > 0 && largest.get() == 30, batches + " batches, the largest of " + largest);
    }
}
