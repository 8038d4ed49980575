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

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value that cannot be used as typed is refused where it is set, in the user's own words: the option, the value
 * exactly as typed and the forms accepted, and nothing reaches Slack or the route. One table, every way of setting an
 * option: a URI, the component (as camel-main, Quarkus and Spring Boot bind properties), a camel-main application, and
 * the JMX operation. (Spring Boot's binding is tested in the starter module.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadOptionValuesTest {

    private static final String TOKEN = "xoxp-bad-values";
    private static final String DURATION_FORMS = "written as an ISO-8601 duration (PT5M, PT1H30M, P1D), a number with a"
                                                 + " unit (90s, 5m, 1h30m, 2d, 500ms) or a plain number of"
                                                 + " milliseconds (300000)";
    private static final String POINT_FORMS = "use Unix seconds (1763683200), an ISO-8601 instant"
                                              + " (2026-11-21T00:00:00Z), a UTC date (2026-11-21) or an ISO-8601"
                                              + " duration meaning that long ago (P7D, PT12H)";

    private SlackAuditLogsSimulator simulator;
    private final AtomicInteger delivered = new AtomicInteger();

    @BeforeAll
    void startSimulator() {
        simulator = SlackAuditLogsSimulator.builder().token(TOKEN).events(50).build().start();
    }

    @AfterAll
    void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        simulator.clearRequests();
        delivered.set(0);
    }

    enum Way {
        URI,
        COMPONENT,
        CAMEL_MAIN
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                // the values the issue found silently changed or badly explained
                row(Way.URI, "overlap", "abc", "Invalid overlap 'abc': a whole number of seconds, zero or more, "
                                                 + DURATION_FORMS),
                row(Way.URI, "lag", "abc", "Invalid lag 'abc': a whole number of seconds, zero or more, " + DURATION_FORMS),
                row(Way.URI, "retryDelay", "1 week", "Invalid retryDelay '1 week': a duration of zero or more, "
                                                     + DURATION_FORMS),
                row(Way.URI, "windowSize", "abc", "Invalid windowSize 'abc': a whole number of seconds, at least one, "
                                                  + DURATION_FORMS),
                row(Way.URI, "socketTimeout", "-5s", "Invalid socketTimeout '-5s': a duration longer than zero, "
                                                     + DURATION_FORMS),
                row(Way.URI, "lag", "P1Y", "Invalid lag 'P1Y': a whole number of seconds, zero or more, "
                                           + DURATION_FORMS),
                row(Way.URI, "oldest", "2099-01-01T00:00:00Z", "Invalid oldest '2099-01-01T00:00:00Z':"
                                                               + " 2099-01-01T00:00:00Z is in the future"),
                row(Way.CAMEL_MAIN, "windowSize", "abc", "Invalid windowSize 'abc': a whole number of seconds, at least"
                                                         + " one, " + DURATION_FORMS),
                // more durations
                row(Way.URI, "windowSize", "PT0S", "Invalid windowSize 'PT0S': a whole number of seconds, at least one"),
                row(Way.URI, "windowSize", "500", "Invalid windowSize '500': a whole number of seconds, at least one"),
                row(Way.URI, "overlap", "1.5s", "Invalid overlap '1.5s': a whole number of seconds, zero or more"),
                row(Way.URI, "overlap", "PT0.5S", "Invalid overlap 'PT0.5S': a whole number of seconds, zero or more"),
                row(Way.URI, "lag", "-1m", "Invalid lag '-1m': a whole number of seconds, zero or more"),
                row(Way.URI, "retryDelay", "5 seconds", "Invalid retryDelay '5 seconds': a duration of zero or more"),
                row(Way.URI, "connectTimeout", "0", "Invalid connectTimeout '0': a duration longer than zero"),
                row(Way.URI, "connectTimeout", "PT-10S", "Invalid connectTimeout 'PT-10S': a duration longer than"
                                                         + " zero"),
                row(Way.URI, "socketTimeout", "99999999999999999999", "Invalid socketTimeout '99999999999999999999':"
                                                                      + " a duration longer than zero"),
                row(Way.URI, "recheck", "abc", "Invalid recheck 'abc': a whole number of seconds, zero or more, "
                                               + DURATION_FORMS),
                row(Way.URI, "recheck", "1.5h", "Invalid recheck '1.5h': a whole number of seconds, zero or more"),
                row(Way.URI, "recheck", "-24h", "Invalid recheck '-24h': a whole number of seconds, zero or more"),
                row(Way.URI, "recheckInterval", "0", "Invalid recheckInterval '0': a whole number of seconds, at least"
                                                     + " one, " + DURATION_FORMS),
                row(Way.URI, "recheckInterval", "hourly", "Invalid recheckInterval 'hourly': a whole number of"
                                                          + " seconds, at least one"),
                row(Way.COMPONENT, "recheck", "1 day", "Invalid recheck '1 day': a whole number of seconds, zero or"
                                                       + " more"),
                row(Way.CAMEL_MAIN, "recheckInterval", "PT0.5S", "Invalid recheckInterval 'PT0.5S': a whole number of"
                                                                 + " seconds, at least one"),
                row(Way.URI, "delay", "abc", "Invalid delay 'abc': a duration longer than zero, " + DURATION_FORMS),
                row(Way.URI, "delay", "0", "Invalid delay '0': a duration longer than zero"),
                // points in time
                row(Way.URI, "oldest", "2017-12-31", "Invalid oldest '2017-12-31': 2017-12-31T00:00:00Z is before"
                                                     + " March 2018, when Slack's audit logs begin"),
                row(Way.URI, "oldest", "0", "Invalid oldest '0': 1970-01-01T00:00:00Z is before March 2018"),
                row(Way.URI, "oldest", "P3650D", "Invalid oldest 'P3650D':"),
                row(Way.URI, "oldest", "yesterday", "Invalid oldest 'yesterday': " + POINT_FORMS),
                row(Way.URI, "oldest", "P-1D", "Invalid oldest 'P-1D': a duration means that long ago and must not be"
                                               + " negative"),
                row(Way.URI, "latest", "4102444800", "Invalid latest '4102444800': 2100-01-01T00:00:00Z is in the"
                                                     + " future"),
                row(Way.URI, "latest", "last tuesday", "Invalid latest 'last tuesday': " + POINT_FORMS),
                // whole numbers and switches
                row(Way.URI, "limit", "abc", "Invalid limit 'abc': Slack accepts 1 to 9999 events per page"),
                row(Way.URI, "limit", "0", "Invalid limit '0': Slack accepts 1 to 9999 events per page"),
                row(Way.URI, "limit", "10000", "Invalid limit '10000': Slack accepts 1 to 9999 events per page"),
                row(Way.URI, "maxEventsPerWindow", "0", "Invalid maxEventsPerWindow '0': a positive whole number of"
                                                        + " events"),
                row(Way.URI, "maxResults", "1e3", "Invalid maxResults '1e3': a positive whole number of events"),
                row(Way.URI, "maxRequestsPerMinute", "10001", "Invalid maxRequestsPerMinute '10001': a whole number"
                                                              + " from 0 (no pacing) to 10000"),
                row(Way.URI, "maxRetries", "many", "Invalid maxRetries 'many': a whole number from 0 to 100"),
                row(Way.URI, "allowInsecureHttp", "yes", "Invalid allowInsecureHttp 'yes': true or false"),
                // the scheduler options the endpoint inherits from Camel, which Camel's binding reads as 0 or wraps
                row(Way.URI, "initialDelay", "abc", "Invalid initialDelay 'abc': a duration of zero or more, "
                                                    + DURATION_FORMS),
                row(Way.URI, "initialDelay", "-1s", "Invalid initialDelay '-1s': a duration of zero or more"),
                row(Way.URI, "repeatCount", "abc", "Invalid repeatCount 'abc': a whole number of polls, 0 (no limit) or"
                                                   + " more"),
                row(Way.URI, "repeatCount", "5s", "Invalid repeatCount '5s': a whole number of polls"),
                row(Way.URI, "backoffMultiplier", "abc", "Invalid backoffMultiplier 'abc': a whole number of polls to"
                                                         + " skip, 0 (no back-off) or more"),
                row(Way.URI, "backoffIdleThreshold", "99999999999", "Invalid backoffIdleThreshold '99999999999': a whole"
                                                                    + " number of idle polls in a row, 0 (never) or"
                                                                    + " more"),
                row(Way.URI, "backoffErrorThreshold", "-2", "Invalid backoffErrorThreshold '-2': a whole number of"
                                                            + " failed polls in a row, 0 (never) or more"),
                row(Way.URI, "greedy", "yes", "Invalid greedy 'yes': true or false"),
                row(Way.URI, "startScheduler", "1", "Invalid startScheduler '1': true or false"),
                row(Way.URI, "timeUnit", "SECONDS", "Invalid timeUnit 'SECONDS': MILLISECONDS only; give delay and"
                                                    + " initialDelay their unit in the value instead (20s, PT1M)"),
                row(Way.URI, "runLoggingLevel", "LOUD", "Invalid runLoggingLevel 'LOUD': one of TRACE, DEBUG, INFO,"
                                                        + " WARN, ERROR, OFF"),
                // on the component, as camel-main, Quarkus and the Spring Boot starter bind properties
                row(Way.COMPONENT, "overlap", "abc", "Invalid overlap 'abc': a whole number of seconds, zero or more"),
                row(Way.COMPONENT, "windowSize", "abc", "Invalid windowSize 'abc': a whole number of seconds, at least"
                                                        + " one"),
                row(Way.COMPONENT, "socketTimeout", "-5s", "Invalid socketTimeout '-5s': a duration longer than zero"),
                row(Way.COMPONENT, "oldest", "2099-01-01T00:00:00Z", "Invalid oldest '2099-01-01T00:00:00Z':"
                                                                     + " 2099-01-01T00:00:00Z is in the future"),
                row(Way.COMPONENT, "maxRetries", "101", "Invalid maxRetries '101': a whole number from 0 to 100"),
                // a camel-main application's properties
                row(Way.CAMEL_MAIN, "overlap", "abc", "Invalid overlap 'abc': a whole number of seconds, zero or more"),
                row(Way.CAMEL_MAIN, "lag", "P1Y", "Invalid lag 'P1Y': a whole number of seconds, zero or more"),
                row(Way.CAMEL_MAIN, "connectTimeout", "10 s", "Invalid connectTimeout '10 s': a duration longer than"
                                                              + " zero"),
                row(Way.CAMEL_MAIN, "latest", "2099-01-01", "Invalid latest '2099-01-01': 2099-01-01T00:00:00Z is in"
                                                            + " the future"),
                row(Way.CAMEL_MAIN, "limit", "0", "Invalid limit '0': Slack accepts 1 to 9999 events per page"),
                // the scheduler: delay works on the component, the other options are the endpoint's
                row(Way.COMPONENT, "delay", "0", "Invalid delay '0': a duration longer than zero"),
                row(Way.CAMEL_MAIN, "delay", "abc", "Invalid delay 'abc': a duration longer than zero, " + DURATION_FORMS),
                row(Way.CAMEL_MAIN, "initialDelay", "0", "initialDelay is an option of each slack-auditlogs endpoint, not"
                                                         + " of the component: set it in the endpoint URI"
                                                         + " (slack-auditlogs:logs?initialDelay=...)"),
                row(Way.CAMEL_MAIN, "greedy", "true", "greedy is an option of each slack-auditlogs endpoint, not of the"
                                                      + " component"));
    }

    private static Arguments row(Way way, String option, String typed, String message) {
        return Arguments.of(way, option, typed, message);
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("badValues")
    void isRefusedWhereItIsSetInTheUsersWords(Way way, String option, String typed, String message) throws Exception {
        Throwable failure = switch (way) {
            case URI -> failureOfRoute(validUri() + "&" + option + "=" + URLEncoder.encode(typed, StandardCharsets.UTF_8),
                    null, null);
            case COMPONENT -> failureOfRoute(validUri(), option, typed);
            case CAMEL_MAIN -> failureOfCamelMain(option, typed);
        };
        String refusal = innermost(failure).getMessage();
        assertTrue(refusal.startsWith(message), "expected\n  " + message + "...\nbut was\n  " + refusal);
        assertEquals(List.of(), simulator.requests(), "requests that reached the simulator");
        assertEquals(0, delivered.get(), "exchanges delivered");
    }

    @Test
    void theJmxResetRefusesAPointInTimeItCannotUseAndKeepsTheCheckpoint() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(deliveringRoute(validUri() + "&initialDelay=3600000")); // no poll: no request
            context.start();
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context="
                                                                  + context.getManagementName() + ",type=consumers,*"), null);
            ObjectName consumer = names.iterator().next();
            Object checkpoint = jmx.getAttribute(consumer, "Checkpoint");
            for (String[] bad : new String[][] {
                    { "last tuesday", "Invalid checkpoint 'last tuesday': " + POINT_FORMS },
                    { "2099-01-01T00:00:00Z", "Invalid checkpoint '2099-01-01T00:00:00Z': 2099-01-01T00:00:00Z is in"
                                              + " the future" },
                    { "2016-06-01", "Invalid checkpoint '2016-06-01': 2016-06-01T00:00:00Z is before March 2018" },
                    { " ", "resetCheckpointTo needs a point in time, e.g. 2026-11-01T00:00:00Z or P7D" } }) {
                Exception failure = assertThrows(Exception.class, () -> jmx.invoke(consumer, "resetCheckpointTo",
                        new Object[] { bad[0] }, new String[] { "java.lang.String" }));
                String refusal = innermost(failure).getMessage();
                assertTrue(refusal.startsWith(bad[1]), "expected\n  " + bad[1] + "...\nbut was\n  " + refusal);
                assertEquals(checkpoint, jmx.getAttribute(consumer, "Checkpoint"));
            }
        }
        assertEquals(List.of(), simulator.requests(), "requests that reached the simulator");
        assertEquals(0, delivered.get(), "exchanges delivered");
    }

    /** A consumer URI that would work, polling at once. */
    private String validUri() {
        return "slack-auditlogs:logs?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl();
    }

    /** Adds a route from {@code uri}, with a component option set first if {@code option} is given. */
    private Throwable failureOfRoute(String uri, String option, String typed) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            if (option != null) {
                // the generated configurer, through which camel-main, Quarkus and the Spring Boot starter set options
                assertTrue(new SlackAuditLogsComponentConfigurer().configure(context,
                        context.getComponent("slack-auditlogs"), option, typed, false), option + " is an option");
            }
            return assertThrows(Exception.class, () -> {
                context.addRoutes(deliveringRoute(uri));
                context.start();
            });
        }
    }

    private Throwable failureOfCamelMain(String option, String typed) {
        Main main = new Main();
        main.configure().withJmxEnabled(false);
        main.addInitialProperty("camel.component.slack-auditlogs." + kebab(option), typed);
        main.configure().addRoutesBuilder(deliveringRoute(validUri()));
        try {
            return assertThrows(Exception.class, main::start);
        } finally {
            main.stop();
        }
    }

    private RouteBuilder deliveringRoute(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> delivered.incrementAndGet());
            }
        };
    }

    /** How camel-main and Spring Boot properties spell an option: windowSize as window-size. */
    private static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static Throwable innermost(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost;
    }
}
