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
