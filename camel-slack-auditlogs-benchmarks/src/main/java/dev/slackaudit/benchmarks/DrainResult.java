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
 * What one contender's JVM reports about one drain; travels from the child to the harness as one JSON line.
 *
 * @param contender           which contender ran
 * @param limit               the page size asked for
 * @param events              events that reached the sink
 * @param jsonChars           characters of JSON that reached the sink (the same for contenders that keep the
 *                            exact JSON; the Slack SDK's re-serialisation differs)
 * @param wallMillis          drain wall time
 * @param cpuMillis           process CPU during the drain
 * @param heapPoolPeaks       sum of heap pool peaks during the drain, bytes
 * @param liveHeapPeak        largest heap occupancy after a collection during the drain, bytes; -1 if no GC ran
 * @param rssPeak             peak resident set of the process, bytes
 * @param gcCount             collections during the drain
 * @param gcMillis            collector time during the drain
 * @param clientRequests      HTTP requests as the contender counted them
 * @param rateLimited         429 answers the contender saw (component only)
 * @param rateLimitWaitMillis Retry-After time the contender waited (component only)
 * @param idsFile             where the ids were written in verifying mode, else null
 */
record DrainResult(ContenderKind contender, int limit, long events, long jsonChars, long wallMillis, long cpuMillis,
                   long heapPoolPeaks, long liveHeapPeak, long rssPeak, long gcCount, long gcMillis,
                   long clientRequests, long rateLimited, long rateLimitWaitMillis, String idsFile) {

    static final String LINE_PREFIX = "DRAIN-RESULT ";

    double eventsPerSecond() {
        return wallMillis == 0 ? 0 : events * 1000.0 / wallMillis;
    }

    /** CPU seconds the process spent per million events drained. */
    double cpuSecondsPerMillion() {
        return events == 0 ? 0 : cpuMillis / 1000.0 * 1_000_000 / events;
    }
}
