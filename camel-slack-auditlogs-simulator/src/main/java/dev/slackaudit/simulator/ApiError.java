package dev.slackaudit.simulator;

/** A request the API rejects with a Slack-style error body; thrown while validating a request. */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiError(int status, String code) {
        super(status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
    }

    Reply toReply() {
        return Reply.error(status, code);
    }
}
