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

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A failure the simulator injects into one {@code /logs} response, see {@link FaultPlan}.
 * <p>
 * A fault either replaces the API's answer (a status code, a rate limit that the budget did not
 * cause) or damages the answer the API would have given (delayed, truncated, connection dropped),
 * which is how such failures look to a client in production.
 */
public abstract class Fault {

    Fault() {
    }

    /**
     * Applies the fault.
     *
     * @param api computes the answer the API would give; faults that replace the answer never call it
     */
    abstract Reply apply(Supplier<Reply> api);

    /**
     * An error status as an edge proxy would send it: {@code 500} with a short HTML page, {@code 502}
     * with a gateway's HTML page, every other code (typically {@code 503} or {@code 504}) with an empty body.
     */
    public static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx, got " + code);
        }
        return new StatusFault(code);
    }

    /** A 200 whose connection is dropped after the headers and half of the body (the client sees an I/O error). */
    public static Fault reset() {
        return new ResetFault();
    }

    /** The real answer, sent only after {@code delay}: pick a delay longer than the client's read timeout. */
    public static Fault slow(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new SlowFault(delay);
    }

    /** The real answer with its body cut in half: correct HTTP framing, invalid JSON. */
    public static Fault truncated() {
        return new TruncatedFault();
    }

    /** {@code 429} with {@code Retry-After: retryAfterSeconds} and {@code {"ok":false,"error":"ratelimited"}}. */
    public static Fault rateLimited(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative: " + retryAfterSeconds);
        }
        return new RateLimitedFault(retryAfterSeconds);
    }

    private static final class StatusFault extends Fault {
        private final int code;

        StatusFault(int code) {
            this.code = code;
        }

        @Override
        Reply apply(Supplier<Reply> api) {
            switch (code) {
                case 500:
                    return Reply.html(500, "<html><body><h1>500 Internal Server Error</h1></body></html>");
                case 502:
                    return Reply.html(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
                                           + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
                default:
                    return Reply.empty(code);
            }
        }

        @Override
        public String toString() {
            return "Fault.status(" + code + ")";
        }
    }

    private static final class ResetFault extends Fault {
        @Override
        Reply apply(Supplier<Reply> api) {
            return api.get().droppingConnectionMidBody();
        }

        @Override
        public String toString() {
            return "Fault.reset()";
        }
    }

    private static final class SlowFault extends Fault {
        private final Duration delay;

        SlowFault(Duration delay) {
            this.delay = delay;
        }

        @Override
        Reply apply(Supplier<Reply> api) {
            return api.get().delayedBy(delay);
        }

        @Override
        public String toString() {
            return "Fault.slow(" + delay + ")";
        }
    }

    private static final class TruncatedFault extends Fault {
        @Override
        Reply apply(Supplier<Reply> api) {
            return api.get().truncated();
        }

        @Override
        public String toString() {
            return "Fault.truncated()";
        }
    }

    private static final class RateLimitedFault extends Fault {
        private final int retryAfterSeconds;

        RateLimitedFault(int retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        Reply apply(Supplier<Reply> api) {
            return Reply.rateLimited(retryAfterSeconds);
        }

        @Override
        public String toString() {
            return "Fault.rateLimited(" + retryAfterSeconds + ")";
        }
    }
}
