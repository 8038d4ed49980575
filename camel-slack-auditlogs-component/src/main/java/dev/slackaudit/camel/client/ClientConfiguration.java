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
package dev.slackaudit.camel.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * What a {@link SlackAuditLogsClient} needs to reach Slack. Its {@link #toString()} never shows the token.
 *
 * @param baseUrl              the API root, e.g. {@code https://api.slack.com/audit/v1}
 * @param token                the org owner's user token ({@code xoxp-...}); may be {@code null} for the
 *                             unauthenticated {@code /actions} and {@code /schemas}
 * @param connectTimeout       TCP connect timeout
 * @param socketTimeout        longest silence while waiting for or reading a response
 * @param proxyHost            HTTP proxy host, or {@code null}
 * @param proxyPort            HTTP proxy port
 * @param sslContext           TLS context, or {@code null} for the JVM default
 * @param maxRequestsPerMinute client-side request budget (0 = unpaced)
 * @param maxRetries           how often one request is repeated after a transient failure
 * @param retryDelay           the first backoff delay; it doubles per attempt
 */
public record ClientConfiguration(URI baseUrl, String token, Duration connectTimeout, Duration socketTimeout,
        String proxyHost, int proxyPort, SSLContext sslContext, int maxRequestsPerMinute, int maxRetries,
        Duration retryDelay) {

    public ClientConfiguration {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
    }

    @Override
    public String toString() {
        return "ClientConfiguration[baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "<redacted>")
               + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + ", maxRequestsPerMinute="
               + maxRequestsPerMinute + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay + "]";
    }
}
