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

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The child JVM of one measurement: prepares one contender, drains the range once while {@link ProcessMeter}
 * watches, and prints a {@link DrainResult} line. One contender per JVM, so CPU, heap and RSS are its own and no
 * contender inherits another's JIT or garbage.
 * <p>
 * Arguments: {@code --contender RAW --base-url URL --token T --oldest S --latest S --limit N
 * [--max-requests-per-minute N] [--component-options a=b&c=d] --work-dir DIR [--record-ids true]}
 */
public final class ContenderMain {

    private ContenderMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        ContenderKind kind = ContenderKind.valueOf(options.get("contender"));
        Path workDirectory = Files.createDirectories(Path.of(options.get("work-dir")));
        DrainTarget target = new DrainTarget(options.get("base-url"), options.get("token"),
                Long.parseLong(options.get("oldest")), Long.parseLong(options.get("latest")),
                Integer.parseInt(options.get("limit")),
                Integer.parseInt(options.getOrDefault("max-requests-per-minute", "0")),
                options.getOrDefault("component-options", ""));
        boolean recordIds = Boolean.parseBoolean(options.getOrDefault("record-ids", "false"));
        // Camel and the SDK may print to stdout; only our line may start with the prefix
        PrintStream out = System.out;

        JsonSink sink = new JsonSink(recordIds);
        DrainResult result;
        try (Contender contender = kind.create(workDirectory)) {
            contender.prepare(target, sink);
            ProcessMeter meter = ProcessMeter.start();
            contender.drain();
            ProcessMeter.Measurement measured = meter.stop();
            contender.finish();
            String idsFile = null;
            if (recordIds) {
                Path ids = workDirectory.resolve("ids.txt");
                Files.write(ids, sink.ids());
                idsFile = ids.toString();
            }
            result = new DrainResult(kind, target.limit(), sink.events(), sink.chars(), measured.wallMillis(),
                    measured.cpuMillis(), measured.heapPoolPeaks(), measured.liveHeapPeak(), measured.rssPeak(),
                    measured.gcCount(), measured.gcMillis(), contender.requests(), contender.rateLimited(),
                    contender.rateLimitWaitMillis(), idsFile);
        }
        out.println(DrainResult.LINE_PREFIX + new ObjectMapper().writeValueAsString(result));
        out.flush();
        // non-daemon threads of a contender (OkHttp, Camel) must not keep the measurement JVM alive
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
