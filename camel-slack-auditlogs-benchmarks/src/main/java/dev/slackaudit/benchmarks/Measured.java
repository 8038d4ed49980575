package dev.slackaudit.benchmarks;

/**
 * One drain as the harness saw it: the contender's own report, the simulator's request log, and (when verifying)
 * the id check.
 */
record Measured(int round, DrainResult drain, RequestAudit requests, IdCheck ids) {
}
