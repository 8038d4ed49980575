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

import org.apache.camel.spi.HttpResponseAware;

/**
 * A failed call to the Slack Audit Logs API, with Slack's error code, the HTTP status and what to do about it.
 * <p>
 * {@link #isFatal() Fatal} errors (a rejected token, a missing scope, a plan without audit logs, a refused filter)
 * will not go away by retrying; the rest (rate limits, Slack being unavailable, a broken response) are transient
 * and are retried at the next poll. The message never contains the token.
 * <p>
 * It is {@link HttpResponseAware}, so Camel's consumer health check shows the status as {@code http.response.code}.
 */
public class SlackAuditLogsException extends RuntimeException implements HttpResponseAware {

    private final String errorCode;
    private final boolean fatal;
    private int httpResponseCode;
    private String httpResponseStatus;

    public SlackAuditLogsException(String message, String errorCode, int httpStatus, boolean fatal, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpResponseCode = httpStatus;
        this.fatal = fatal;
    }

    /** Slack's error code, e.g. {@code invalid_authentication}; {@code null} when Slack sent none. */
    public String getErrorCode() {
        return errorCode;
    }

    /** Whether retrying cannot help: the configuration (token, scope, plan, filters) must change first. */
    public boolean isFatal() {
        return fatal;
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }
}
