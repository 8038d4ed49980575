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
package dev.slackaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** Starting, addressing and stopping the simulator. */
class LifecycleTest {

    @Test
    void baseUrlIsLoopbackWithTheBoundPortAndTheAuditPath() {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().build().start()) {
            assertEquals("http://127.0.0.1:" + simulator.port() + "/audit/v1", simulator.baseUrl());
            assertTrue(simulator.port() > 0);
        }
    }

    @Test
    void aFixedPortIsBound() throws Exception {
        // a port found free may be taken by another process before we bind it: try a few
        for (int attempt = 1;; attempt++) {
            int free;
            try (ServerSocket probe = new ServerSocket(0)) {
                free = probe.getLocalPort();
            }
            try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().port(free).build().start()) {
                assertEquals(free, simulator.port());
                return;
            } catch (UncheckedIOException taken) {
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }

    @Test
    void aTakenPortFailsToStart() throws Exception {
        try (SlackAuditLogsSimulator first = SlackAuditLogsSimulator.builder().build().start()) {
            SlackAuditLogsSimulator second = SlackAuditLogsSimulator.builder().port(first.port()).build();

            assertThrows(UncheckedIOException.class, second::start);
        }
    }

    @Test
    void thePortIsUnknownBeforeStart() {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().build();

        assertThrows(IllegalStateException.class, simulator::port);
    }

    @Test
    void startingTwiceFails() {
        try (SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().build().start()) {
            assertThrows(IllegalStateException.class, simulator::start);
        }
    }

    @Test
    void closeFreesThePortAndMayBeRepeated() throws Exception {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().build().start();
        int port = simulator.port();

        simulator.close();
        simulator.close();

        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void anEmptySimulatorHasNoOldestDateCreate() {
        SlackAuditLogsSimulator simulator = SlackAuditLogsSimulator.builder().events(0).build();

        assertEquals(0, simulator.eventCount());
        assertThrows(IllegalStateException.class, simulator::oldestDateCreate);
    }
}
