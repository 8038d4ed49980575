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

import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.Fault;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token never shows: not in any log line (HttpClient's header log included), not in an exception message, not in
 * the endpoint URI that route dumps and JMX show, not in health details.
 * <p>
 * One caveat belongs to Camel, not to this component: at TRACE, Camel's core logs endpoint URIs as written, before it
 * masks them. A token set on the component ({@code camel.component.slack-auditlogs.token}) is never in a URI, so it
 * stays out of every log at every level; the README recommends that.
 */
class TokenSecrecyTest extends SimulatorTestSupport {

    private static final String SECRET = "0123456789-secret";
    private static final String WRONG_TOKEN = "xoxp-wrong-" + SECRET;

    private final StringWriter captured = new StringWriter();
    private WriterAppender appender;

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(3).events(200);
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    private void captureLogLines(Level level) {
        captureLogLines(level, Level.INFO);
    }

    private void captureLogLines(Level level, Level wireLevel) {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = WriterAppender.createAppender(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build(), null,
                captured, "token-capture", false, true);
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.setLevel(level);
        }
        config.getRootLogger().addAppender(appender, level, null);
        // HttpClient's header log at DEBUG is something a user may turn on; its wire log dumps raw bytes (see README)
        LoggerConfig headers = new LoggerConfig("org.apache.hc.client5.http.headers", level, true);
        config.addLogger(headers.getName(), headers);
        LoggerConfig wire = new LoggerConfig("org.apache.hc.client5.http.wire", wireLevel, true);
        config.addLogger(wire.getName(), wire);
        logging.updateLoggers();
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(appender.getName());
        appender.stop();
        logging.reconfigure();
    }

    @Test
    void aTokenSetOnTheComponentShowsInNoLogLineAtAnyLevelNorInHealthDetails() throws Exception {
        captureLogLines(Level.ALL);
        context.getComponent("slack-auditlogs", SlackAuditLogsComponent.class).getConfiguration().setToken(TOKEN);
        SlackAuditLogsComponent rejecting = new SlackAuditLogsComponent();
        rejecting.getConfiguration().setToken(WRONG_TOKEN);
        context.addComponent("slack-auditlogs-rejected", rejecting);
        simulator.faults().next(Fault.rateLimited(0), Fault.status(500));
        getMockEndpoint("mock:events").expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=50&windowSize=P2D").replace("token=RAW(" + TOKEN + ")&", "")).routeId("audit")
                        .to("mock:events"); // the token comes from the component
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("slack-auditlogs-rejected:logs?baseUrl=" + simulator.baseUrl() + "&initialDelay=0&delay=100&lag=PT0S")
                        .routeId("rejected").to("mock:never");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> captured.toString().contains("invalid_authentication"));

        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            assertFalse(String.valueOf(result.getDetails()).contains(SECRET), "health details of " + result.getCheck());
            assertFalse(result.getError().map(Throwable::toString).orElse("").contains(SECRET));
        }
        String log = captured.toString();
        assertTrue(log.contains("Authorization: Bearer <redacted>"), "HttpClient's header log ran");
        assertFalse(log.contains(SECRET), "a log line shows the token");
        assertFalse(log.contains(TOKEN.substring(5)), "a log line shows the token");
    }

    @Test
    void aTokenInTheUriShowsInNoLogLineAtDebug() throws Exception {
        captureLogLines(Level.DEBUG);
        simulator.faults().next(Fault.status(503));
        getMockEndpoint("mock:events").expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("limit=50&windowSize=P2D")).routeId("audit").to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);

        String log = captured.toString();
        assertTrue(log.contains("Authorization: Bearer <redacted>"), "HttpClient's header log ran");
        assertTrue(log.contains("token=xxxxxx"), "Camel logged the URI masked");
        assertFalse(log.contains(SECRET), "a log line shows the token");
    }

    @Test
    void warnsWhenHttpClientsWireLogWouldWriteTheToken() throws Exception {
        captureLogLines(Level.INFO, Level.DEBUG);
        context.getEndpoint(logsUri(""), SlackAuditLogsEndpoint.class).getClient();

        assertTrue(captured.toString().contains("org.apache.hc.client5.http.wire is at DEBUG"), "the warning was logged");
    }

    @Test
    void routeDumpsAndJmxShowTheEndpointUriMasked() throws Exception {
        captureLogLines(Level.INFO);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("")).routeId("audit").to("mock:events");
            }
        });
        assertFalse(context.getRoute("audit").getEndpoint().toString().contains(SECRET));
        assertFalse(String.valueOf(context.getRoute("audit").getConsumer()).contains(SECRET));

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                              + ",*"), null);
        int endpointUris = 0;
        for (ObjectName name : names) {
            for (var attribute : jmx.getMBeanInfo(name).getAttributes()) {
                if (attribute.getName().equals("EndpointUri")) {
                    Object value = jmx.getAttribute(name, "EndpointUri");
                    assertFalse(String.valueOf(value).contains(SECRET), name + " EndpointUri " + value);
                    endpointUris++;
                }
            }
            assertFalse(name.toString().contains(SECRET), name.toString());
        }
        assertTrue(endpointUris > 0, "JMX shows endpoint URIs");
    }
}
