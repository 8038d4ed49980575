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

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * This component, as a user writes it: {@code from("slack-auditlogs:logs?...")} into either the null sink or, in
 * the JSON Lines variant, the file route of the Spring Boot example ({@code convertBodyTo(String)} then
 * {@code file:...?fileExist=Append&appendChars=\n}). A bounded export ({@code latest}) tells when it is done: the
 * checkpoint passes {@code latest}. The batched JSON Lines variant is the same route with {@code batchSize} set: the
 * file is opened once per batch instead of once per event. The SIEM variants put a data type transform
 * ({@code slack-auditlogs:ecs}, {@code slack-auditlogs:ocsf}) before the null sink, which then takes each document's
 * one-line JSON; their component properties switch the ECS enrichment on or off.
 */
final class ComponentContender implements Contender {

    private static final String ROUTE_ID = "slack-audit";
    private static final long DRAIN_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);

    /** The batched variant's batchSize. */
    static final int BATCH_SIZE = 1000;

    private final Path jsonLinesDirectory;
    private final int batchSize;
    private final String dataType;
    private final Map<String, Object> componentProperties;
    private DrainTarget target;
    private JsonSink sink;
    private CamelContext context;
    private SlackAuditLogsConsumer consumer;

    /**
     * @param jsonLinesDirectory where the JSON Lines variants write; {@code null} for the null-sink variant
     * @param batchSize          the consumer's batchSize (0: one event per exchange)
     */
    ComponentContender(Path jsonLinesDirectory, int batchSize) {
        this(jsonLinesDirectory, batchSize, null, Map.of());
    }

    /**
     * The null-sink variant with a SIEM data type.
     *
     * @param dataType            e.g. {@code slack-auditlogs:ecs}
     * @param componentProperties set on the {@code slack-auditlogs} component, as
     *                            {@code camel.component.slack-auditlogs.*} would
     */
    static ComponentContender transforming(String dataType, Map<String, Object> componentProperties) {
        return new ComponentContender(null, 0, dataType, componentProperties);
    }

    private ComponentContender(Path jsonLinesDirectory, int batchSize, String dataType,
                               Map<String, Object> componentProperties) {
        this.jsonLinesDirectory = jsonLinesDirectory;
        this.batchSize = batchSize;
        this.dataType = dataType;
        this.componentProperties = componentProperties;
    }

    @Override
    public void prepare(DrainTarget target, JsonSink sink) throws Exception {
        this.target = target;
        this.sink = sink;
        context = new DefaultCamelContext();
        PropertyBindingSupport.build().withMandatory(true)
                .bind(context, context.getComponent("slack-auditlogs"), new HashMap<>(componentProperties));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from(uri()).routeId(ROUTE_ID).autoStartup(false);
                if (dataType != null) {
                    route.transformDataType(new DataType(dataType))
                            .process(exchange -> sink.accept(exchange.getIn().getBody(String.class)));
                } else if (jsonLinesDirectory == null) {
                    route.process(exchange -> sink.accept(exchange.getIn().getBody(AuditLogEntry.class).toJson()));
                } else {
                    route.convertBodyTo(String.class)
                            .to("file:" + jsonLinesDirectory + "?fileName=audit.jsonl&fileExist=Append&appendChars=\\n");
                }
            }
        });
        context.start();
    }

    String uri() {
        // lag=PT0S: the simulator indexes nothing late; latest bounds the export so "done" is observable
        String uri = "slack-auditlogs:logs?token=RAW(" + target.token() + ")&baseUrl=" + target.baseUrl()
                     + "&oldest=" + target.oldest() + "&latest=" + target.latest() + "&lag=PT0S&limit=" + target.limit()
                     + "&maxRequestsPerMinute=" + target.maxRequestsPerMinute() + "&initialDelay=0&delay=1000"
                     + (batchSize > 0 ? "&batchSize=" + batchSize : "");
        return target.componentOptions().isEmpty() ? uri : uri + "&" + target.componentOptions();
    }

    @Override
    public void drain() throws Exception {
        context.getRouteController().startRoute(ROUTE_ID);
        consumer = (SlackAuditLogsConsumer) context.getRoute(ROUTE_ID).getConsumer();
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
        // the checkpoint only passes latest after the last window's last exchange completed
        while (Instant.parse(consumer.getCheckpoint()).getEpochSecond() <= target.latest()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the component did not finish within 30 minutes; checkpoint "
                                                + consumer.getCheckpoint());
            }
            Thread.sleep(2);
        }
    }

    @Override
    public void finish() throws Exception {
        context.getRouteController().stopRoute(ROUTE_ID);
        if (jsonLinesDirectory != null) {
            // count what reached the file, outside the timed drain
            try (BufferedReader lines = Files.newBufferedReader(jsonLinesDirectory.resolve("audit.jsonl"),
                                                                StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    sink.accept(line);
                }
            }
        }
    }

    @Override
    public long requests() {
        return consumer.getRequests();
    }

    @Override
    public long rateLimited() {
        return consumer.getRateLimitedCount();
    }

    @Override
    public long rateLimitWaitMillis() {
        return consumer.getRateLimitWaitMillis();
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
