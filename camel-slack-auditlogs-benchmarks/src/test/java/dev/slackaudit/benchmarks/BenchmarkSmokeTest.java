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

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the whole harness on a tiny dataset, every contender in its own JVM as in a real run, and checks only that
 * the measurements mean something: each contender delivered every id exactly once and made the requests the
 * simulator logged. It never asserts a timing: on a shared build machine timings are not a property of the code.
 */
class BenchmarkSmokeTest {

    /** Enough events for several pages at limit 100 and several hourly windows for the component; not divisible by 100. */
    private static final int EVENTS = 650;

    @TempDir
    Path workDirectory;

    @Test
    void everyContenderDeliversEveryEventExactlyOnce() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--events", Integer.toString(EVENTS), "--span-hours", "3",
                "--rounds", "1", "--limits", "100", "--rate-limit-pages", "0", "--record-ids", "true",
                "--xmx", "128m", "--work-dir", workDirectory.toString(), "--contenders",
                EnumSet.allOf(ContenderKind.class).stream().map(Enum::name).collect(Collectors.joining(",")));

        Benchmark.Results results = new Benchmark(options, "smoke test").run();

        List<Measured> drains = results.throughput();
        Set<ContenderKind> ran = drains.stream().map(m -> m.contender()).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(ContenderKind.class), ran);
        long rawRequests = drains.stream().filter(m -> m.contender() == ContenderKind.RAW).findFirst()
                .orElseThrow().requests().requests();
        for (Measured m : drains) {
            String who = m.contender().label();
            assertTrue(m.succeeded(), who + ": " + m.failure());
            assertEquals(EVENTS, m.drain().events(), who + ": events in the sink");
            assertTrue(m.ids().exactlyOnce(), who + ": " + m.ids());
            assertEquals(m.requests().requests(), m.drain().clientRequests(),
                         who + ": requests the simulator logged vs. the contender counted");
            assertEquals(0, m.requests().rateLimited(), who + ": no rate limit was configured");
            if (m.requests().windows() == 1) {
                // one range read with one cursor loop: exactly the pages the range takes
                assertEquals(rawRequests, m.requests().requests(), who + ": requests for the single range");
            }
        }
        assertTrue(results.markdown().contains("| raw HttpClient 5 + Jackson | 100 |"), results.markdown());
    }
}
