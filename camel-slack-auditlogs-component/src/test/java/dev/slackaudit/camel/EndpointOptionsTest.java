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

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad option fails when the endpoint is created, with a message that names the option and what it accepts. */
class EndpointOptionsTest {

    private static final String TOKEN = "token=RAW(xoxp-1-secret)";
    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private String failure(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        assertFalse(e.getMessage().contains("xoxp-1-secret"), "the token is masked in " + e.getMessage());
        return cause.getMessage();
    }

    @Test
    void refusesALimitOfZero() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&limit=0");
        assertEquals("Invalid limit '0': Slack accepts 1 to 9999 events per page", message);
    }

    @Test
    void refusesALimitAbove9999() {
        assertEquals("Invalid limit '10000': Slack accepts 1 to 9999 events per page",
                failure("slack-auditlogs:logs?" + TOKEN + "&limit=10000"));
    }

    @Test
    void refusesABatchSizeOutsideItsRange() {
        assertEquals("Invalid batchSize '10001': a whole number from 0 (one event per exchange) to 10000 events per exchange",
                failure("slack-auditlogs:logs?" + TOKEN + "&batchSize=10001"));
        assertEquals("Invalid batchSize '-1': a whole number from 0 (one event per exchange) to 10000 events per exchange",
                failure("slack-auditlogs:logs?" + TOKEN + "&batchSize=-1"));
    }

    @Test
    void refusesAnOldestItCannotRead() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&oldest=yesterday");
        assertTrue(message.startsWith("Invalid oldest 'yesterday': use Unix seconds"), message);
        assertTrue(message.contains("ISO-8601 instant") && message.contains("P7D"), message);
    }

    @Test
    void refusesAnOldestAfterLatest() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&oldest=2026-11-02T00:00:00Z&latest=2026-11-01");
        assertTrue(message.contains("oldest must not be later than latest"), message);
    }

    @Test
    void refusesAWindowThatIsNotWholeSeconds() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&windowSize=500");
        assertTrue(message.startsWith("Invalid windowSize '500': a whole number of seconds, at least one"), message);
    }

    @Test
    void refusesANegativeDurationForOldest() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&oldest=P-1D");
        assertTrue(message.contains("must not be negative"), message);
    }

    @Test
    void refusesAStateKeyAFileStateRepositoryCannotStore() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&stateKey=a=b");
        assertTrue(message.startsWith("Invalid stateKey 'a=b'"), message);
    }

    @Test
    void takesTheInheritedSchedulerOptionsInTheFormsTheyAccept() {
        SlackAuditLogsEndpoint endpoint = context.getEndpoint("slack-auditlogs:logs?" + TOKEN + "&initialDelay=PT1M"
                                                              + "&repeatCount=3&backoffMultiplier=2"
                                                              + "&backoffIdleThreshold=4&backoffErrorThreshold=5"
                                                              + "&greedy=TRUE&timeUnit=milliseconds"
                                                              + "&runLoggingLevel=debug", SlackAuditLogsEndpoint.class);
        assertEquals(60_000, endpoint.getInitialDelay());
        assertEquals(3, endpoint.getRepeatCount());
        assertEquals(2, endpoint.getBackoffMultiplier());
        assertEquals(4, endpoint.getBackoffIdleThreshold());
        assertEquals(5, endpoint.getBackoffErrorThreshold());
        assertTrue(endpoint.isGreedy());
        assertEquals(TimeUnit.MILLISECONDS, endpoint.getTimeUnit());
        assertEquals(LoggingLevel.DEBUG, endpoint.getRunLoggingLevel());
    }

    @Test
    void refusesAProxyPortWithoutAProxyHost() {
        assertEquals("proxyHost and proxyPort go together: set both, or neither",
                failure("slack-auditlogs:logs?" + TOKEN + "&proxyPort=3128"));
    }

    @Test
    void requiresATokenForLogs() {
        String message = failure("slack-auditlogs:logs");
        assertTrue(message.startsWith("The token option is required for slack-auditlogs:logs"), message);
        assertTrue(message.contains("camel.component.slack-auditlogs.token"), message);
    }

    @Test
    void needsNoTokenForActionsAndSchemas() {
        assertTrue(context.getEndpoint("slack-auditlogs:actions") instanceof SlackAuditLogsEndpoint);
        assertTrue(context.getEndpoint("slack-auditlogs:schemas") instanceof SlackAuditLogsEndpoint);
    }

    @Test
    void refusesAnUnknownMethodListingTheValidOnes() {
        assertEquals("Unknown method 'foo' in slack-auditlogs:foo: use one of logs, actions, schemas",
                failure("slack-auditlogs:foo?" + TOKEN));
    }

    @Test
    void refusesAMalformedBaseUrl() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&baseUrl=api.slack.com/audit/v1");
        assertTrue(message.startsWith("Invalid baseUrl 'api.slack.com/audit/v1': it must be an absolute http(s) URL"),
                message);
    }

    @Test
    void refusesPlainHttpToANonLoopbackHost() {
        String message = failure("slack-auditlogs:logs?" + TOKEN + "&baseUrl=http://proxy.example.com/audit/v1");
        assertTrue(message.contains("plain http would send the Slack token unencrypted"), message);
        assertTrue(message.contains("allowInsecureHttp=true"), message);
    }

    @Test
    void allowsPlainHttpToLoopbackAndWhenExplicitlyAllowed() {
        context.getEndpoint("slack-auditlogs:logs?" + TOKEN + "&baseUrl=http://127.0.0.1:8099/audit/v1");
        context.getEndpoint("slack-auditlogs:logs?" + TOKEN + "&baseUrl=http://localhost:8099/audit/v1");
        context.getEndpoint("slack-auditlogs:logs?" + TOKEN
                            + "&baseUrl=http://proxy.example.com/audit/v1&allowInsecureHttp=true");
    }

    @Test
    void refusesAnUnknownOption() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("slack-auditlogs:logs?" + TOKEN + "&actions=user_login"));
        assertTrue(e.getMessage().contains("actions"), e.getMessage());
    }

    @Test
    void takesTheTokenAndBaseUrlFromTheComponent() {
        SlackAuditLogsComponent component = context.getComponent("slack-auditlogs", SlackAuditLogsComponent.class);
        component.getConfiguration().setToken("xoxp-from-component");
        component.getConfiguration().setBaseUrl("https://api.slack-gov.com/audit/v1");
        SlackAuditLogsEndpoint endpoint = context.getEndpoint("slack-auditlogs:logs?limit=500", SlackAuditLogsEndpoint.class);

        assertEquals("xoxp-from-component", endpoint.getConfiguration().getToken());
        assertEquals("https://api.slack-gov.com/audit/v1", endpoint.getConfiguration().getBaseUrl());
        assertEquals(500, endpoint.getConfiguration().getLimit());
        assertEquals(9999, component.getConfiguration().getLimit(), "the URI did not change the component's default");
    }

    @Test
    void readsDurationsInIsoAndShortForms() {
        SlackAuditLogsEndpoint endpoint = context.getEndpoint(
                "slack-auditlogs:logs?" + TOKEN + "&lag=90s&overlap=PT10M&windowSize=2h", SlackAuditLogsEndpoint.class);
        assertEquals(java.time.Duration.ofSeconds(90), endpoint.getConfiguration().getLag());
        assertEquals(java.time.Duration.ofMinutes(10), endpoint.getConfiguration().getOverlap());
        assertEquals(java.time.Duration.ofHours(2), endpoint.getConfiguration().getWindowSize());
    }
}
