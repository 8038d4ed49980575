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
package dev.slackaudit.examples;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the application into the demo when no Slack token is configured: before Camel configures the routes it starts
 * the simulator with a synthetic org, points the {@code slack.*} properties at it, bounds the export to the org's
 * events and arranges for the application to stop once they have all gone through. Settings given on the command
 * line win over the demo's.
 */
final class DemoMode extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    private static final String TOKEN = "xoxp-demo-simulator";

    private final Function<String, SlackAuditLogsSimulator> org;
    private final Map<String, String> commandLine;
    private final AuditStatistics statistics;
    private final Runnable stopApplication;
    private SlackAuditLogsSimulator simulator;

    DemoMode(Function<String, SlackAuditLogsSimulator> org, Map<String, String> commandLine,
             AuditStatistics statistics, Runnable stopApplication) {
        this.org = org;
        this.commandLine = commandLine;
        this.statistics = statistics;
        this.stopApplication = stopApplication;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        if (!properties.resolveProperty("slack.token").orElse("").isBlank()) {
            LOG.info("Reading Slack's audit logs at {}", properties.resolveProperty("slack.base-url").orElse("?"));
            return;
        }
        simulator = org.apply(TOKEN).start();
        LOG.info("No Slack token configured (SLACK_TOKEN, slack.token): serving {} synthetic events from {} to {} from"
                 + " the simulator at {}", simulator.eventCount(), Instant.ofEpochSecond(simulator.oldestDateCreate()),
                 Instant.ofEpochSecond(simulator.newestDateCreate()), simulator.baseUrl());

        Map<String, String> demo = new LinkedHashMap<>();
        demo.put("slack.token", TOKEN);
        demo.put("slack.base-url", simulator.baseUrl());
        demo.put("slack.oldest", Long.toString(simulator.oldestDateCreate()));
        // a bounded export: the consumers stop fetching once past the newest event, and ExportCompletion ends the app
        demo.put("slack.latest", Long.toString(simulator.newestDateCreate()));
        // the simulator has every event indexed at once; real Slack needs the default lag of a minute
        demo.put("slack.lag", "PT0S");
        demo.put("slack.delay", "1000");
        // loopback has no quota to share; real Slack needs the default of 20 requests a minute
        demo.put("slack.max-requests-per-minute", "0");
        demo.put("examples.alerts.internal-email-domains", DemoOrg.EMAIL_DOMAIN);
        demo.put("examples.yaml-route.enabled", "true");
        demo.forEach((key, value) -> {
            if (!commandLine.containsKey(key)) {
                properties.addOverrideProperty(key, value);
            }
        });

        long latest = Long.parseLong(properties.resolveProperty("slack.latest").orElseThrow());
        try {
            main.getCamelContext().addService(new ExportCompletion(main.getCamelContext(), latest, statistics,
                    stopApplication));
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (simulator != null) {
            simulator.close();
        }
    }
}
