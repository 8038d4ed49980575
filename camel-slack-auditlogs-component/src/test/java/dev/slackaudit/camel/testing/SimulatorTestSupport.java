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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.simulator.RecordedRequest;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Starts a simulator on loopback before the CamelContext exists (routes need its URL) and stops it afterwards. Tests
 * talk real HTTP to it, exactly as the component talks to Slack.
 */
public abstract class SimulatorTestSupport extends CamelTestSupport {

    public static final String TOKEN = "xoxp-test-0123456789-secret";

    protected SlackAuditLogsSimulator simulator;

    /** The simulator this test class runs against. */
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return SlackAuditLogsSimulator.builder().token(TOKEN).events(500);
    }

    @Override
    protected void setupResources() throws Exception {
        simulator = simulatorBuilder().build().start();
    }

    @Override
    protected void cleanupResources() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the consumer health checks are off in a plain CamelContext (camel-main turns them on)
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        HealthCheckRepository consumers = (HealthCheckRepository) registry.resolveById("consumers");
        consumers.setEnabled(true);
        registry.register(consumers);
        return context;
    }

    /**
     * A consumer URI against the simulator that starts at its oldest event, polls at once and often, reads up to now
     * (no lag) and retries fast; {@code options} add to these defaults or replace them.
     */
    protected String logsUri(String options) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("token", "RAW(" + TOKEN + ")");
        parameters.put("baseUrl", simulator.baseUrl());
        parameters.put("oldest", Long.toString(simulator.oldestDateCreate()));
        parameters.put("lag", "PT0S");
        parameters.put("initialDelay", "0");
        parameters.put("delay", "100");
        parameters.put("retryDelay", "PT0.01S");
        parameters.put("maxRequestsPerMinute", "0");
        for (String option : options.split("&")) {
            if (!option.isEmpty()) {
                parameters.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
            }
        }
        StringJoiner uri = new StringJoiner("&", "slack-auditlogs:logs?", "");
        parameters.forEach((name, value) -> uri.add(name + "=" + value));
        return uri.toString();
    }

    /** The requests the simulator received for {@code /logs}. */
    protected List<RecordedRequest> logsRequests() {
        return simulator.requests().stream().filter(r -> r.path().endsWith("/logs")).toList();
    }

    /** The consumer of the route with id {@code audit}. */
    protected SlackAuditLogsConsumer auditConsumer() {
        return (SlackAuditLogsConsumer) context.getRoute("audit").getConsumer();
    }

    /** The event ids in the order the exchanges arrived. */
    public static List<String> ids(List<Exchange> exchanges) {
        List<String> ids = new ArrayList<>();
        exchanges.forEach(e -> ids.add(e.getMessage().getHeader(SlackAuditLogsConstants.ID, String.class)));
        return ids;
    }

    /** The simulator's ids in delivery order: oldest first (Slack serves them newest first). */
    protected List<String> expectedIdsOldestFirst() {
        List<String> ids = new ArrayList<>(simulator.eventIds());
        Collections.reverse(ids);
        return ids;
    }
}
