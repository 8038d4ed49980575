package dev.slackaudit.simulator;

import java.util.Locale;

/** The {@code entity.type} values (docs/slack-api.md, The fields of an event); each names the sub-object that holds the entity's fields. */
enum EntityKind {
    USER, WORKSPACE, ENTERPRISE, CHANNEL, FILE, APP, MESSAGE, HUDDLE, ROLE, USERGROUP, WORKFLOW, BARRIER, WORKFLOW_V2,
    ACCOUNT_TYPE_ROLE, LIST, FUNCTION, EXTERNAL_AUTH_OAUTH2_TOKEN, CANVAS, TEMPLATE, LEGAL_HOLD_POLICY;

    private final String type = name().toLowerCase(Locale.ROOT);

    String type() {
        return type;
    }
}
