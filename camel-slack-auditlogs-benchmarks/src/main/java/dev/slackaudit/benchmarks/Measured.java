package dev.slackaudit.benchmarks;

/**
 * One drain as the harness saw it: the contender's own report, the simulator's request log, and (when verifying)
 * the id check; or why it failed (an OutOfMemoryError under a small -Xmx is a result, not a harness error).
 */
record Measured(int round, ContenderKind contender, int limit, DrainResult drain, RequestAudit requests, IdCheck ids,
                String failure) {

    static Measured failed(int round, ContenderKind contender, int limit, RequestAudit requests, String failure) {
        return new Measured(round, contender, limit, null, requests, null, failure);
    }

    boolean succeeded() {
        return failure == null;
    }
}
