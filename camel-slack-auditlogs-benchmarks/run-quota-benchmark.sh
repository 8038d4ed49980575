#!/usr/bin/env bash
# The quota report of issue 10 (QuotaBenchmark): builds the benchmark module (and what it needs) in this reactor,
# then runs it with plain java, so the contender JVMs it forks get a known class path. Options: see BENCHMARKS.md.
# HARNESS_XMX sizes the harness JVM, which holds the simulator's events (about 1 GB for 1,000,000).
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
if [[ "${SKIP_BUILD:-}" != "true" ]]; then
  mvn -B -q -pl camel-slack-auditlogs-benchmarks -am package -DskipTests
fi
cd "$module"
exec java "-Xmx${HARNESS_XMX:-3g}" -cp "target/classes:$(cat target/classpath.txt)" \
  dev.slackaudit.benchmarks.QuotaBenchmark "$@"
