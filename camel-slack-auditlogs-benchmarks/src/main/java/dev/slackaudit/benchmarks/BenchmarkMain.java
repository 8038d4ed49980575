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
