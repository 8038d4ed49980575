#!/usr/bin/env bash
# Builds the benchmark module (and what it needs) inside this reactor, then runs the harness with plain java, so
# the contender JVMs it forks get a known class path and nothing of Maven's JVM. Options: see BENCHMARKS.md.
# HARNESS_XMX sizes the harness JVM, which holds the simulator's events (about 1 GB for 1,000,000).
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
if [[ "${SKIP_BUILD:-}" != "true" ]]; then
  mvn -B -q -pl camel-slack-auditlogs-benchmarks -am package -DskipTests
fi
cd "$module"
exec java "-Xmx${HARNESS_XMX:-3g}" -cp "target/classes:$(cat target/classpath.txt)" \
  "${BENCHMARK_MAIN:-dev.slackaudit.benchmarks.BenchmarkMain}" "$@"
