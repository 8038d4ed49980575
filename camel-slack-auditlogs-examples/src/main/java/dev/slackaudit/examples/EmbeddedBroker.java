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
package dev.slackaudit.examples;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An Apache ActiveMQ Artemis broker inside the application, reachable in-VM at {@code vm://0}. Added to the
 * CamelContext as a service, so Camel starts it before the routes and stops it after them.
 * <p>
 * Messages are journaled under the data directory, so ones not yet consumed survive a restart. The journal is not
 * forced to disk for every message (Artemis's default for a production broker), which keeps the demo's twenty thousand
 * sends to seconds.
 */
final class EmbeddedBroker extends ServiceSupport {

    private final Path directory;
    private EmbeddedActiveMQ server;

    EmbeddedBroker(Path directory) {
        this.directory = directory;
    }

    @Override
    protected void doStart() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("slack-auditlogs-examples")
                .addAcceptorConfiguration("in-vm", "vm://0")
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalSyncNonTransactional(false)
                // where messages go that cannot be delivered or expire, as in Artemis's default broker.xml
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLQ")).setAutoCreateDeadLetterResources(true)
                        .setExpiryAddress(SimpleString.of("ExpiryQueue")).setAutoCreateExpiryResources(true))
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString());
        server = new EmbeddedActiveMQ().setConfiguration(configuration);
        server.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
            // in-VM connections run on a static pool of non-daemon threads: without this the JVM would linger for
            // their minute of idle time after Camel has stopped
            InVMConnector.resetThreadPool();
        }
    }
}
