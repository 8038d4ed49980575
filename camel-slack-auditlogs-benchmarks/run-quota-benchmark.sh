#!/usr/bin/env bash
# The quota report of issue 10 (QuotaBenchmark), built and run the way run-benchmarks.sh runs the others.
# Options: see BENCHMARKS.md, run 6.
exec env BENCHMARK_MAIN=dev.slackaudit.benchmarks.QuotaBenchmark "$(dirname "$0")/run-benchmarks.sh" "$@"
