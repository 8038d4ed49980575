package dev.slackaudit.benchmarks;

/**
 * The range every contender drains, as Slack's {@code /logs} takes it.
 *
 * @param baseUrl              the API root, e.g. {@code http://127.0.0.1:port/audit/v1}
 * @param token                the bearer token the simulator accepts
 * @param oldest               first second (inclusive)
 * @param latest               last second (inclusive)
 * @param limit                page size asked for
 * @param maxRequestsPerMinute the component's client-side pacing (only the component has one; 0 = off)
 * @param componentOptions     extra URI options for the component, e.g. {@code windowSize=PT15M} (may be empty)
 */
record DrainTarget(String baseUrl, String token, long oldest, long latest, int limit, int maxRequestsPerMinute,
                   String componentOptions) {
}
