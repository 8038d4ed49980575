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
package dev.slackaudit.camel.options;

import java.time.Duration;

import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.SlackAuditLogsMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks an endpoint's options pass when it is created, each failure naming the option and what it accepts. */
class ConfigurationCheckTest {

    private final SlackAuditLogsConfiguration configuration = new SlackAuditLogsConfiguration();
    private String delay = "20000";

    private String failure(SlackAuditLogsMethod method) {
        return assertThrows(IllegalArgumentException.class,
                            () -> ConfigurationCheck.checkEndpoint(configuration, method, delay)).getMessage();
    }

    @Test
    void acceptsTheDefaultsWithAToken() {
        configuration.setToken("xoxp-1");
        assertDoesNotThrow(() -> ConfigurationCheck.checkEndpoint(configuration, SlackAuditLogsMethod.logs, delay));
    }

    @Test
    void requiresATokenToConsumeLogs() {
        assertTrue(failure(SlackAuditLogsMethod.logs).startsWith("The token option is required for slack-auditlogs:logs"));
    }

    @ParameterizedTest
    @EnumSource(value = SlackAuditLogsMethod.class, names = { "actions", "schemas" })
    void needsNoTokenForTheUnauthenticatedMethods(SlackAuditLogsMethod method) {
        assertDoesNotThrow(() -> ConfigurationCheck.checkEndpoint(configuration, method, delay));
    }

    @Test
    void checksTheBaseUrl() {
        configuration.setBaseUrl("http://proxy.example.com/audit/v1");
        assertTrue(failure(SlackAuditLogsMethod.schemas).startsWith("Invalid baseUrl 'http://proxy.example.com/audit/v1'"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = { "", "  ", "a=b", "a\nb", "a\rb" })
    void refusesAStateKeyAFileStateRepositoryCannotStore(String stateKey) {
        configuration.setStateKey(stateKey);
        assertEquals("Invalid stateKey '" + stateKey + "': a non-blank key without '=' or line breaks (a"
                     + " FileStateRepository stores key=value lines)", failure(SlackAuditLogsMethod.actions));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "org-audit", "slack-auditlogs/api.slack.com/audit/v1/action:user_login" })
    void acceptsAStateKeyAFileStateRepositoryCanStore(String stateKey) {
        configuration.setStateKey(stateKey);
        assertDoesNotThrow(() -> ConfigurationCheck.checkEndpoint(configuration, SlackAuditLogsMethod.actions, delay));
    }

    @Test
    void refusesAProxyHostWithoutAPort() {
        configuration.setProxyHost("proxy.example.com");
        assertEquals("proxyHost and proxyPort go together: set both, or neither", failure(SlackAuditLogsMethod.actions));
    }

    @Test
    void refusesAProxyPortWithoutAHost() {
        configuration.setProxyPort("3128");
        assertEquals("proxyHost and proxyPort go together: set both, or neither", failure(SlackAuditLogsMethod.actions));
    }

    @Test
    void refusesAnOldestAfterLatest() {
        configuration.setOldest("2025-11-02");
        configuration.setLatest("2025-11-01");
        assertEquals("oldest (2025-11-02 = 2025-11-02T00:00:00Z) is after latest (2025-11-01 = 2025-11-01T00:00:00Z):"
                     + " oldest must not be later than latest", failure(SlackAuditLogsMethod.actions));
    }

    @Test
    void checksTheValuesOfTheNumbersAndDurations() {
        configuration.setLimit("abc");
        assertTrue(failure(SlackAuditLogsMethod.actions).startsWith("Invalid limit 'abc'"));
    }

    @Test
    void returnsTheDelay() {
        delay = "PT1M";
        assertEquals(Duration.ofMinutes(1), ConfigurationCheck.checkEndpoint(configuration, SlackAuditLogsMethod.actions,
                                                                             delay));
    }

    @Test
    void reportsABadDelayBeforeTheOptionsThatGoTogether() {
        delay = "abc";
        configuration.setProxyHost("proxy.example.com");
        assertTrue(failure(SlackAuditLogsMethod.actions).startsWith("Invalid delay 'abc'"));
    }
}
