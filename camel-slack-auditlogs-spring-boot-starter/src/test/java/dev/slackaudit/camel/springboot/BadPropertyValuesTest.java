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
package dev.slackaudit.camel.springboot;

import java.util.concurrent.atomic.AtomicInteger;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camel.component.slack-auditlogs.* property that cannot be used as typed stops the application with the component's
 * own message (the option, the value as typed, the forms accepted), as a URI option would, and nothing reaches Slack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadPropertyValuesTest {

    private final AtomicInteger delivered = new AtomicInteger();
    private SlackAuditLogsSimulator simulator;

    @BeforeAll
    void startSimulator() {
        simulator = SlackAuditLogsSimulator.builder().token("xoxp-spring").events(20).build().start();
    }

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "overlap         | abc                  | Invalid overlap 'abc': a whole number of seconds, zero or more, written as an ISO-8601 duration",
            "window-size     | abc                  | Invalid windowSize 'abc': a whole number of seconds, at least one",
            "lag             | P1Y                  | Invalid lag 'P1Y': a whole number of seconds, zero or more",
            "retry-delay     | 1 week               | Invalid retryDelay '1 week': a duration of zero or more",
            "socket-timeout  | -5s                  | Invalid socketTimeout '-5s': a duration longer than zero",
            "connect-timeout | 0                    | Invalid connectTimeout '0': a duration longer than zero",
            "oldest          | 2099-01-01T00:00:00Z | Invalid oldest '2099-01-01T00:00:00Z': 2099-01-01T00:00:00Z is in the future",
            "latest          | 2016-01-01           | Invalid latest '2016-01-01': 2016-01-01T00:00:00Z is before March 2018",
            "limit           | abc                  | Invalid limit 'abc': Slack accepts 1 to 9999 events per page",
            "max-retries     | many                 | Invalid maxRetries 'many': a whole number from 0 to 100",
            "delay           | 0                    | Invalid delay '0': a duration longer than zero",
            "initial-delay   | 0                    | initialDelay is an option of each slack-auditlogs endpoint, not of the component: set it in the endpoint URI (slack-auditlogs:logs?initialDelay=...)",
            "greedy          | true                 | greedy is an option of each slack-auditlogs endpoint, not of the component" })
    void stopsTheApplicationWithTheComponentsMessage(String property, String typed, String message) {
        simulator.clearRequests();
        delivered.set(0);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                        SlackAuditLogsComponentAutoConfiguration.class))
                .withBean(RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("slack-auditlogs:logs?initialDelay=0").process(exchange -> delivered.incrementAndGet());
                    }
                })
                .withPropertyValues("camel.component.slack-auditlogs.token=xoxp-spring",
                        "camel.component.slack-auditlogs.base-url=" + simulator.baseUrl(),
                        "camel.component.slack-auditlogs." + property + "=" + typed)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith(message);
                });
        assertThat(simulator.requests()).isEmpty();
        assertThat(delivered).hasValue(0);
    }
}
