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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS through Camel's SSLContextParameters: the simulator serves HTTPS with a certificate made for this test, which
 * the JVM does not trust; the route trusts it only through its sslContextParameters.
 */
class TlsTest extends SimulatorTestSupport {

    private static final String PASSWORD = "changeit";
    private static Path keyStore;

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(19).events(150).tls(serverContext());
    }

    /** A self-signed certificate for 127.0.0.1, made once with the JDK's keytool. */
    private static synchronized Path keyStore() {
        if (keyStore == null) {
            try {
                Path dir = Files.createTempDirectory("slack-auditlogs-tls");
                Path file = dir.resolve("simulator.p12");
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "simulator", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                        "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes());
                assertEquals(0, keytool.waitFor(), output);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                keyStore = file;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make a test certificate with keytool", e);
            }
        }
        return keyStore;
    }

    private static SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContextParameters trustingTheSimulator() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keyStore());
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    @Test
    void readsOverHttpsTrustingTheCertificateOfSslContextParameters() throws Exception {
        assertTrue(simulator.baseUrl().startsWith("https://"), simulator.baseUrl());
        context.getRegistry().bind("tls", trustingTheSimulator());
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(simulator.eventCount());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("windowSize=P2D&sslContextParameters=#tls")).routeId("audit").to("mock:events");
            }
        });
        MockEndpoint.assertIsSatisfied(context, 30, TimeUnit.SECONDS);
        assertEquals(expectedIdsOldestFirst(), ids(events.getReceivedExchanges()));
    }

    @Test
    void refusesACertificateTheJvmDoesNotTrust() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("windowSize=P2D")).routeId("audit").to("mock:events");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> auditConsumer().getLastErrorCode() != null);
        assertTrue(auditConsumer().getLastErrorCode().startsWith("SSL"), auditConsumer().getLastErrorCode());
        assertEquals(0, getMockEndpoint("mock:events").getReceivedCounter());
        assertEquals(0, auditConsumer().getRetries(), "a TLS failure is configuration, not retried");
    }
}
