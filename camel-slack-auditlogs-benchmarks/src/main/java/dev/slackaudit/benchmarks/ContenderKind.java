package dev.slackaudit.benchmarks;

import java.nio.file.Path;

/** The contenders of issue 7, by the name the harness and the report use. */
enum ContenderKind {

    RAW("raw HttpClient 5 + Jackson"),
    COMPONENT("slack-auditlogs -> null sink"),
    COMPONENT_JSONL("slack-auditlogs -> JSON Lines file"),
    COMPONENT_JSONL_BATCHED("slack-auditlogs batchSize=1000 -> JSON Lines file"),
    SLACK_SDK("Slack Java SDK loop"),
    HAND_ROUTE("hand-written Camel route");

    private final String label;

    ContenderKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @param workDirectory a directory of this run only, for contenders that write files */
    Contender create(Path workDirectory) {
        return switch (this) {
            case RAW -> new RawHttpContender();
            case COMPONENT -> new ComponentContender(null, 0);
            case COMPONENT_JSONL -> new ComponentContender(workDirectory, 0);
            case COMPONENT_JSONL_BATCHED -> new ComponentContender(workDirectory, ComponentContender.BATCH_SIZE);
            case SLACK_SDK -> new SlackSdkContender();
            case HAND_ROUTE -> new HandWrittenRouteContender();
        };
    }
}
