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

import java.io.InterruptedIOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a request must wait for its permit. Observed without a clock: a thread that is interrupted fails at once if it
 * has to wait ({@link InterruptedIOException}), and goes on if it need not.
 */
class RequestPacerTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theFirstRequestNeverWaits() throws Exception {
        RequestPacer pacer = new RequestPacer(1);
        Thread.currentThread().interrupt();
        pacer.acquire();
    }

    /** A pacer of one request a minute whose first request went out. */
    private static RequestPacer oneRequestSent() throws InterruptedIOException {
        RequestPacer pacer = new RequestPacer(1);
        pacer.acquire();
        return pacer;
    }

    @Test
    void theNextRequestWaitsItsShareOfTheMinute() throws Exception {
        RequestPacer pacer = oneRequestSent();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedIOException.class, pacer::acquire);
    }

    @Test
    void aWaitThatWasInterruptedKeepsTheInterruptForTheCaller() throws Exception {
        RequestPacer pacer = oneRequestSent();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedIOException.class, pacer::acquire);
        assertTrue(Thread.currentThread().isInterrupted());
    }

    @Test
    void zeroMeansNoPacing() throws Exception {
        RequestPacer pacer = new RequestPacer(0);
        Thread.currentThread().interrupt();
        for (int i = 0; i < 1000; i++) {
            pacer.acquire();
        }
    }

    @Test
    void aRetryAfterHoldsBackEvenAnUnpacedClient() {
        RequestPacer pacer = new RequestPacer(0);
        pacer.pauseFor(60_000);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedIOException.class, pacer::acquire);
    }

    @Test
    void aRetryAfterOfZeroHoldsNothingBack() throws Exception {
        RequestPacer pacer = new RequestPacer(0);
        pacer.pauseFor(0);
        Thread.currentThread().interrupt();
        pacer.acquire();
    }
}
