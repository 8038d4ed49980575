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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.slackaudit.camel.client.SlackAuditLogsException;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On-demand queries with {@code to("slack-auditlogs:...")}. */
class SlackAuditLogsProducerTest extends SimulatorTestSupport {

    private static final String NO_SCOPE_TOKEN = "xoxp-no-scope";

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(31).events(300).tokenError(NO_SCOPE_TOKEN, 403, "missing_scope");
    }

    private String uri(String method, String options) {
        return "slack-auditlogs:" + method + "?token=RAW(" + TOKEN + ")&baseUrl=" + simulator.baseUrl()
               + "&retryDelay=PT0.01S&maxRequestsPerMinute=0" + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void actionsReturnsTheNamesByCategory() {
        Map<?, ?> actions = template.requestBody(uri("actions", ""), null, Map.class);
        List<?> user = (List<?>) actions.get("user");
        assertTrue(user.contains("user_login"), "user actions include user_login");
        assertTrue(actions.containsKey("anomaly"));
    }

    @Test
    void schemasReturnsTheSchemaList() {
        List<?> schemas = template.requestBody(uri("schemas", ""), null, List.class);
        assertFalse(schemas.isEmpty());
        Map<?, ?> first = (Map<?, ?>) schemas.get(0);
        assertEquals("workspace", first.get("type"));
    }

    @Test
    void logsReturnsTheNewestEventsUpToMaxResults() {
        List<?> events = template.requestBody(uri("logs", "oldest=" + simulator.oldestDateCreate() + "&maxResults=25&limit=10"),
                null, List.class);
        assertEquals(25, events.size());
        AuditLogEntry newest = assertInstanceOf(AuditLogEntry.class, events.get(0));
        assertEquals(simulator.eventIds().subList(0, 25), events.stream().map(e -> ((AuditLogEntry) e).getId()).toList());
        assertEquals(simulator.newestDateCreate(), newest.getDateCreate());
    }

    @Test
    void headersOverrideTheQueryForOneCall() {
        long oldest = simulator.oldestDateCreate();
        long latest = oldest + 3600;
        List<?> events = template.requestBodyAndHeaders(uri("logs", "maxResults=5000"), null, Map.of(
                SlackAuditLogsConstants.OLDEST, Instant.ofEpochSecond(oldest),
                SlackAuditLogsConstants.LATEST, latest,
                SlackAuditLogsConstants.ACTION_FILTER, "user_login,user_logout"), List.class);

        assertFalse(events.isEmpty(), "the first hour holds logins or logouts");
        for (Object o : events) {
            AuditLogEntry event = (AuditLogEntry) o;
            assertTrue(event.getDateCreate() >= oldest && event.getDateCreate() <= latest, event.toJson());
            assertTrue(List.of("user_login", "user_logout").contains(event.getAction()), event.getAction());
        }
        var request = logsRequests().get(0);
        assertEquals(String.valueOf(oldest), request.param("oldest"));
        assertEquals(String.valueOf(latest), request.param("latest"));
        assertEquals("user_login,user_logout", request.param("action"));
    }

    @Test
    void aTokenWithoutTheScopeFailsNamingTheCodeAndTheFix() {
        String uri = "slack-auditlogs:logs?token=RAW(" + NO_SCOPE_TOKEN + ")&baseUrl=" + simulator.baseUrl();
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, (Object) null));
        SlackAuditLogsException error = assertInstanceOf(SlackAuditLogsException.class, e.getCause());
        assertEquals("missing_scope", error.getErrorCode());
        assertEquals(403, error.getHttpResponseCode());
        assertTrue(error.isFatal());
        assertEquals("The token lacks the auditlogs:read scope: add auditlogs:read under User Token Scopes and have an"
                     + " organization owner install the app on the organization again (missing_scope, HTTP 403 from"
                     + " GET /audit/v1/logs)", error.getMessage());
    }

    @Test
    void aRejectedTokenFailsWithTheSetupAdvice() {
        String uri = "slack-auditlogs:logs?token=RAW(xoxp-wrong)&baseUrl=" + simulator.baseUrl();
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, (Object) null));
        SlackAuditLogsException error = assertInstanceOf(SlackAuditLogsException.class, e.getCause());
        assertEquals("invalid_authentication", error.getErrorCode());
        assertEquals(401, error.getHttpResponseCode());
        assertEquals("Slack rejected the token: use the user token (xoxp-) of an Enterprise organization owner, with the"
                     + " auditlogs:read scope, from an app installed on the organization (invalid_authentication, HTTP 401"
                     + " from GET /audit/v1/logs)", error.getMessage());
    }

    @Test
    void aBare401WithoutBodyIsReportedAsARejectedToken() {
        try (SlackAuditLogsSimulator bare = SlackAuditLogsSimulator.builder().token(TOKEN).events(1)
                .unauthorizedBody(false).build().start()) {
            String uri = "slack-auditlogs:logs?token=RAW(xoxp-wrong)&baseUrl=" + bare.baseUrl();
            CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(uri, (Object) null));
            SlackAuditLogsException error = assertInstanceOf(SlackAuditLogsException.class, e.getCause());
            assertEquals("invalid_authentication", error.getErrorCode());
            assertTrue(error.getMessage().startsWith("Slack rejected the token"), error.getMessage());
        }
    }

    @Test
    void theActionHeaderOfAConsumedEventDoesNotFilterAQuery() {
        List<?> events = template.requestBodyAndHeader(uri("logs", "oldest=" + simulator.oldestDateCreate() + "&maxResults=5000"),
                null, SlackAuditLogsConstants.ACTION, "user_login", List.class);
        assertEquals(simulator.eventCount(), events.size());
        assertEquals(null, logsRequests().get(0).param("action"));
    }

    @Test
    void anUnknownActionIsRefusedBySlackWithInvalidAction() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(uri("logs", ""), null, SlackAuditLogsConstants.ACTION_FILTER,
                        "no_such_action"));
        SlackAuditLogsException error = assertInstanceOf(SlackAuditLogsException.class, e.getCause());
        assertEquals("invalid_action", error.getErrorCode());
        assertTrue(error.getMessage().contains("GET /audit/v1/actions"), error.getMessage());
    }

    @Test
    void anUnknownActionInTheHeaderIsReportedAsTheHeadersNotOnlyTheOptions() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(uri("logs", ""), null, SlackAuditLogsConstants.ACTION_FILTER,
                        "no_such_action"));
        assertTrue(e.getCause().getMessage().contains("CamelSlackAuditLogsActionFilter header"), e.getCause().getMessage());
    }
}
