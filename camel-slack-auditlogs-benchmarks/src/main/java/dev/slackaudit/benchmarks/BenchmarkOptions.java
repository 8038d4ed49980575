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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's settings; every default is issue 7's full-size configuration.
 *
 * @param events           synthetic events the simulator serves
 * @param seed             the simulator's seed (same seed, same events)
 * @param spanHours        the events' time span, ending at a fixed instant so every run serves the same data
 * @param rounds           how many times each contender drains, in rotated order
 * @param limits           page sizes, each measured separately
 * @param contenders       who runs
 * @param xmx              the {@code -Xmx} of every contender JVM
 * @param jvmOptions       further options for every contender JVM
 * @param componentOptions extra URI options for the component (empty: its defaults)
 * @param rateLimitPages   pages of the rate-limit scenario (0 = skip it)
 * @param recordIds        verify that every id arrived exactly once (slow; the smoke test's mode)
 * @param workDirectory    where logs, files and the report go
 */
record BenchmarkOptions(int events, long seed, int spanHours, int rounds, List<Integer> limits,
                        List<ContenderKind> contenders, String xmx, List<String> jvmOptions, String componentOptions,
                        int rateLimitPages, boolean recordIds, Path workDirectory) {

    static final String USAGE = "options: --events 1000000 --seed 1 --span-hours 24 --rounds 3 --limits 9999,1000"
                                + " --contenders RAW,COMPONENT,COMPONENT_JSONL,COMPONENT_JSONL_BATCHED,SLACK_SDK,HAND_ROUTE --xmx 512m"
                                + " --jvm-options \"-XX:+UseG1GC\" --component-options \"\" --rate-limit-pages 60"
                                + " --record-ids false --work-dir target/benchmarks";

    static BenchmarkOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i] + "\n" + USAGE);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        BenchmarkOptions options = new BenchmarkOptions(
                Integer.parseInt(given.getOrDefault("events", "1000000")),
                Long.parseLong(given.getOrDefault("seed", "1")),
                Integer.parseInt(given.getOrDefault("span-hours", "24")),
                Integer.parseInt(given.getOrDefault("rounds", "3")),
                Arrays.stream(given.getOrDefault("limits", "9999,1000").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(),
                Arrays.stream(given.getOrDefault("contenders", "RAW,COMPONENT,COMPONENT_JSONL,COMPONENT_JSONL_BATCHED,SLACK_SDK,HAND_ROUTE")
                        .split(",")).map(String::trim).map(ContenderKind::valueOf).toList(),
                given.getOrDefault("xmx", "512m"),
                split(given.getOrDefault("jvm-options", "-XX:+UseG1GC")),
                given.getOrDefault("component-options", ""),
                Integer.parseInt(given.getOrDefault("rate-limit-pages", "60")),
                Boolean.parseBoolean(given.getOrDefault("record-ids", "false")),
                Path.of(given.getOrDefault("work-dir", "target/benchmarks")).toAbsolutePath());
        given.keySet().removeAll(List.of("events", "seed", "span-hours", "rounds", "limits", "contenders", "xmx",
                "jvm-options", "component-options", "rate-limit-pages", "record-ids", "work-dir"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static List<String> split(String jvmOptions) {
        List<String> list = new ArrayList<>();
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                list.add(option);
            }
        }
        return list;
    }
}
