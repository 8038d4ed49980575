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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.main.Main;

/**
 * The examples application, a camel-main program. Without a Slack token it exports a synthetic day of audit events
 * from the embedded simulator, prints a summary and exits; with {@code SLACK_TOKEN} (or {@code slack.token}) it polls
 * Slack's Audit Logs API until stopped.
 * <p>
 * Arguments are properties, {@code --name=value}, and win over {@code application.properties}:
 * {@code --slack.token=xoxp-...}, {@code --examples.data-dir=/var/lib/slack-audit}.
 */
public final class AuditLogsExamples {

    private final Function<String, SlackAuditLogsSimulator> demoOrg;

    public AuditLogsExamples() {
        this(new DemoOrg());
    }

    /** @param demoOrg builds the simulator the demo serves, given the token it must accept */
    AuditLogsExamples(Function<String, SlackAuditLogsSimulator> demoOrg) {
        this.demoOrg = demoOrg;
    }

    public static void main(String... args) throws Exception {
        AuditStatistics statistics = new AuditStatistics();
        new AuditLogsExamples().run(statistics, args);
        System.out.println(RunSummary.render(statistics));
    }

    /** Runs the application until it is stopped, or until the demo's export is complete. */
    void run(AuditStatistics statistics, String... args) throws Exception {
        Map<String, String> commandLine = properties(args);
        Main main = new Main();
        commandLine.forEach(main::addOverrideProperty);
        main.configure().addConfiguration(ExamplesConfiguration.class);
        main.configure().addRoutesBuilder(new AuditEventsRoute());
        main.configure().addRoutesBuilder(new DayFilesRoute(statistics));
        main.configure().addRoutesBuilder(new AuditQueueRoutes(statistics));
        main.configure().addRoutesBuilder(new SecurityAlertsRoute(statistics));
        // the YAML DSL route is loaded from classpath:routes/*.camel.yaml (camel.main.routes-include-pattern)
        main.addMainListener(new DemoMode(demoOrg, commandLine, statistics, main::completed));
        main.run();
    }

    private static Map<String, String> properties(String... args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("Arguments are properties, --name=value; got " + arg);
            }
            properties.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return properties;
    }
}
