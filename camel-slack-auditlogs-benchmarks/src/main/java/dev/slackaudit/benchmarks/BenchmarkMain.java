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
 * Runs issue 7's benchmark: {@code camel-slack-auditlogs-benchmarks/run-benchmarks.sh [options]} (see
 * {@link BenchmarkOptions#USAGE} and BENCHMARKS.md). Prints progress and the Markdown report, which is also written
 * to {@code <work-dir>/results.md}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String commandLine = "run-benchmarks.sh " + String.join(" ", quoted(args));
        Benchmark.Results results = new Benchmark(options, commandLine).run();
        System.out.println();
        System.out.println(results.markdown());
    }

    private static String[] quoted(String[] args) {
        String[] quoted = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            quoted[i] = args[i].isEmpty() || args[i].contains(" ") || args[i].contains("&") ? "'" + args[i] + "'" : args[i];
        }
        return quoted;
    }
}
