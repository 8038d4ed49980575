/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.slackaudit.camel.client;

import java.util.Map;

/**
 * Turns a Slack error response into a {@link SlackAuditLogsException} whose message says what happened and what to
 * do. The codes are those Slack documents for the Audit Logs API plus the generic token and plan errors that
 * collectors meet in practice (docs/slack-api.md, Rate limits and errors).
 */
final class SlackErrors {

    private static final String TOKEN_ADVICE = "use the user token (xoxp-) of an Enterprise organization owner, with"
                                               + " the auditlogs:read scope, from an app installed on the organization";

    private static final Map<String, String> FATAL_ADVICE = Map.ofEntries(
            Map.entry("invalid_authentication", "Slack rejected the token: " + TOKEN_ADVICE),
            Map.entry("invalid_auth", "Slack rejected the token: " + TOKEN_ADVICE),
            Map.entry("not_authed", "Slack received no token: set the token option; " + TOKEN_ADVICE),
            Map.entry("missing_authentication", "Slack received no usable token: set the token option; " + TOKEN_ADVICE),
            Map.entry("token_revoked", "The token was revoked: install the app on the organization again and " + TOKEN_ADVICE),
            Map.entry("token_expired", "The token expired: refresh or reissue it; " + TOKEN_ADVICE),
            Map.entry("account_inactive", "The user who owns the token is deactivated: " + TOKEN_ADVICE),
            Map.entry("not_allowed_token_type", "Slack does not accept this kind of token (bot and admin tokens are"
                                                + " refused): " + TOKEN_ADVICE),
            Map.entry("missing_scope", "The token lacks the auditlogs:read scope: add auditlogs:read under User Token"
                                       + " Scopes and have an organization owner install the app on the organization again"),
            Map.entry("user_not_authorized", "The user who installed the app is not an owner of the Enterprise"
                                             + " organization: have an organization owner install it"),
            Map.entry("team_not_authorized", "The app is installed on a workspace: install it on the Enterprise"
                                             + " organization instead"),
            Map.entry("feature_not_enabled", "Audit logs are not enabled: the Audit Logs API needs an Enterprise"
                                             + " (Grid) organization"),
            Map.entry("paid_only", "Audit logs need an Enterprise (Grid) plan"),
            Map.entry("invalid_workspace", "This workspace is not part of an Enterprise organization"),
            Map.entry("org_login_required", "The organization requires an org-level login: use a token of an"
                                            + " organization owner"),
            Map.entry("method_not_allowed", "This method is not allowed on the workspace or with this token: "
                                            + TOKEN_ADVICE),
            Map.entry("invalid_action", "Slack refused an action name (of the action option, or of the"
                                        + " CamelSlackAuditLogsActionFilter header for one query): check the names"
                                        + " against GET /audit/v1/actions (at most 30 per query)"),
            Map.entry("invalid_range", "Slack refused the time range: oldest/latest must lie between March 2018 and"
                                       + " now"),
            Map.entry("bad_endpoint", "The URL is not an Audit Logs API endpoint: check baseUrl (it must end in"
                                      + " /audit/v1, e.g. https://api.slack.com/audit/v1)"));

    private SlackErrors() {
    }

    /** The exception for a non-2xx answer that retries did not fix. */
    static SlackAuditLogsException fromResponse(String method, int status, String errorCode) {
        String code = errorCode;
        if (code == null && status == 401) {
            // Slack answers a bad token with a bare 401 (docs/slack-api.md, Rate limits and errors)
            code = "invalid_authentication";
        }
        String advice = code == null ? null : FATAL_ADVICE.get(code);
        String what = (code != null ? code + ", " : "") + "HTTP " + status;
        if (advice != null) {
            return new SlackAuditLogsException(advice + " (" + what + " from " + method + ")", code, status, true, null);
        }
        if (status == 401 || status == 403) {
            return new SlackAuditLogsException("Slack refused access (" + what + " from " + method + "): "
                                               + TOKEN_ADVICE, code, status, true, null);
        }
        if ("invalid_cursor".equals(code)) {
            return new SlackAuditLogsException("Slack rejected the paging cursor again and again (" + what + " from "
                                               + method + "); the next poll reads the window again from its first page",
                    code, status, false, null);
        }
        if (status / 100 == 3) {
            return new SlackAuditLogsException("Slack answered " + what + " to " + method + ": a redirect, which is not"
                                               + " followed with the token; check baseUrl (e.g. "
                                               + "https://api.slack.com/audit/v1)", code, status, true, null);
        }
        if (status == 429) {
            return new SlackAuditLogsException("Slack's rate limit is still exceeded after the retries (" + what
                                               + " from " + method + "): the org-wide quota of about 50 calls a minute"
                                               + " is shared with every app of the organization; lower"
                                               + " maxRequestsPerMinute",
                    code, status, false, null);
        }
        if (status >= 500) {
            return new SlackAuditLogsException("Slack is unavailable (" + what + " from " + method + ") after the"
                                               + " retries",
                    code, status, false, null);
        }
        boolean fatal = status >= 400;
        return new SlackAuditLogsException("Slack answered " + what + " to " + method
                                           + (fatal ? ": the request was refused; check the endpoint options" : ""),
                code, status, fatal, null);
    }

    /** The exception for a response that could not be read (reset, timeout, truncated or malformed body). */
    static SlackAuditLogsException unreadable(String method, Exception cause) {
        return new SlackAuditLogsException("Could not read Slack's answer to " + method + " after the retries ("
                                           + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                                           + ")",
                null, 0, false, cause);
    }
}
