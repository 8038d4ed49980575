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
package dev.slackaudit.benchmarks;

/**
 * One way of moving every event of a time range from the Audit Logs API into a {@link JsonSink}. The harness runs
 * each in its own JVM: {@link #prepare} is not timed (clients and Camel contexts start once per application), the
 * {@link #drain} is.
 */
interface Contender extends AutoCloseable {

    void prepare(DrainTarget target, JsonSink sink) throws Exception;

    /** Reads the whole range, returning only when the last event is in the sink (or written, for a file sink). */
    void drain() throws Exception;

    /** Work after the timed drain, e.g. reading back a file the contender wrote into the sink. */
    default void finish() throws Exception {
    }

    /** HTTP requests as the contender counted them (the simulator's own log is the reference). */
    long requests();

    /** 429 answers the contender saw, and the time it waited for them; 0 where the contender cannot tell. */
    default long rateLimited() {
        return 0;
    }

    default long rateLimitWaitMillis() {
        return 0;
    }

    @Override
    default void close() throws Exception {
    }
}
