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
import java.time.Instant;

import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.SlackAuditLogsEndpoint;
import dev.slackaudit.camel.SlackAuditLogsMethod;
import dev.slackaudit.camel.client.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a {@link SlackAuditLogsConfiguration} when an endpoint is created (and the component's defaults when the
 * CamelContext starts), so a bad option fails there, with a message that names the option and what it accepts, not on
 * the first poll.
 */
public final class ConfigurationCheck {

    // the endpoint's logger, as before these checks left it: a user's log settings for the token's WARN still apply
    private static final Logger LOG = LoggerFactory.getLogger(SlackAuditLogsEndpoint.class);

    private ConfigurationCheck() {
    }

    /**
     * Checks every option of an endpoint of {@code method}, {@code delay} (as typed) among them.
     *
     * @return the delay
     */
    public static Duration checkEndpoint(SlackAuditLogsConfiguration configuration, SlackAuditLogsMethod method,
                                         String delay) {
        BaseUrl.check(configuration.getBaseUrl(), configuration.isAllowInsecureHttp());
        String token = configuration.getToken();
        if (method == SlackAuditLogsMethod.logs && isBlank(token)) {
            throw new IllegalArgumentException("The token option is required for slack-auditlogs:logs: set it on the"
                                               + " endpoint (token=RAW(xoxp-...)) or on the component"
                                               + " (camel.component.slack-auditlogs.token); it is the user token of an"
                                               + " Enterprise organization owner with the auditlogs:read scope");
        }
        if (!isBlank(token) && !token.startsWith("xoxp-")) {
            LOG.warn("The Slack token does not start with xoxp-: the Audit Logs API accepts only the user token of an"
                     + " Enterprise organization owner");
        }
        checkValues(configuration);
        Duration parsedDelay = DurationOption.DELAY.parse(delay);
        if ((configuration.getProxyHost() == null) != (configuration.getProxyPort() == null)) {
            throw new IllegalArgumentException("proxyHost and proxyPort go together: set both, or neither");
        }
        String stateKey = configuration.getStateKey();
        if (stateKey != null && (stateKey.isBlank() || stateKey.contains("=") || stateKey.contains("\n")
                                 || stateKey.contains("\r"))) {
            throw new IllegalArgumentException("Invalid stateKey '" + stateKey + "': a non-blank key without '=' or line"
                                               + " breaks (a FileStateRepository stores key=value lines)");
        }
        Instant now = Instant.now();
        Long oldest = PointInTime.resolve("oldest", configuration.getOldest(), now);
        Long latest = PointInTime.resolve("latest", configuration.getLatest(), now);
        if (oldest != null && latest != null && oldest > latest) {
            throw new IllegalArgumentException("oldest (" + configuration.getOldest() + " = "
                                               + Instant.ofEpochSecond(oldest) + ") is after latest ("
                                               + configuration.getLatest() + " = " + Instant.ofEpochSecond(latest)
                                               + "): oldest must not be later than latest");
        }
        return parsedDelay;
    }

    /**
     * Checks every value that does not depend on the endpoint's method: the numbers, the durations, oldest and
     * latest. Each failure names the option, the value as typed and what it accepts.
     */
    public static void checkValues(SlackAuditLogsConfiguration configuration) {
        // each getter reads the option's text and fails with what it accepts
        configuration.getLimit();
        configuration.getMaxEventsPerWindow();
        configuration.getBatchSize();
        configuration.getMaxResults();
        configuration.getMaxRequestsPerMinute();
        configuration.getMaxRetries();
        configuration.getProxyPort();
        configuration.getLag();
        configuration.getOverlap();
        configuration.getWindowSize();
        configuration.getRecheck();
        configuration.getRecheckInterval();
        configuration.getRetryDelay();
        configuration.getConnectTimeout();
        configuration.getSocketTimeout();
        Instant now = Instant.now();
        PointInTime.resolve("oldest", configuration.getOldest(), now);
        PointInTime.resolve("latest", configuration.getLatest(), now);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
