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

import java.net.URI;
import java.time.Duration;

import dev.slackaudit.camel.client.ClientConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the HTTP client is given of the endpoint's options. */
class SlackAuditLogsConfigurationTest {

    private final CamelContext camelContext = new DefaultCamelContext();
    private final SlackAuditLogsConfiguration configuration = new SlackAuditLogsConfiguration();

    @Test
    void givesTheClientTheDefaults() {
        assertEquals(new ClientConfiguration(URI.create("https://api.slack.com/audit/v1"), null, Duration.ofSeconds(10),
                                             Duration.ofSeconds(60), null, -1, null, 20, 5, Duration.ofSeconds(1)),
                     configuration.toClientConfiguration(camelContext));
    }

    @Test
    void givesTheClientEveryTransportOptionAsTyped() {
        configuration.setBaseUrl(" http://127.0.0.1:8099/audit/v1 ");
        configuration.setToken("xoxp-1");
        configuration.setConnectTimeout("5s");
        configuration.setSocketTimeout("PT2M");
        configuration.setProxyHost("proxy.example.com");
        configuration.setProxyPort("3128");
        configuration.setMaxRequestsPerMinute("0");
        configuration.setMaxRetries("2");
        configuration.setRetryDelay("500ms");
        assertEquals(new ClientConfiguration(URI.create("http://127.0.0.1:8099/audit/v1"), "xoxp-1", Duration.ofSeconds(5),
                                             Duration.ofMinutes(2), "proxy.example.com", 3128, null, 0, 2,
                                             Duration.ofMillis(500)),
                     configuration.toClientConfiguration(camelContext));
    }

    @Test
    void givesTheClientTheTlsContextOfTheSslContextParameters() {
        configuration.setSslContextParameters(new SSLContextParameters());
        assertNotNull(configuration.toClientConfiguration(camelContext).sslContext());
    }

    @Test
    void refusesSslContextParametersThatMakeNoTlsContextNamingTheOption() {
        KeyStoreParameters missing = new KeyStoreParameters();
        missing.setResource("file:does-not-exist.p12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(missing);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        configuration.setSslContextParameters(parameters);
        String message = assertThrows(IllegalArgumentException.class,
                                      () -> configuration.toClientConfiguration(camelContext)).getMessage();
        assertTrue(message.startsWith("Invalid sslContextParameters: "), message);
    }

    @Test
    void refusesABaseUrlThatWouldSendTheTokenInClear() {
        configuration.setBaseUrl("http://proxy.example.com/audit/v1");
        assertThrows(IllegalArgumentException.class, () -> configuration.toClientConfiguration(camelContext));
    }
}
