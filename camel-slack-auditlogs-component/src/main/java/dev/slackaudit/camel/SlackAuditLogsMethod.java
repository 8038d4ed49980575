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
package dev.slackaudit.camel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Audit Logs API methods an endpoint can call: the {@code <method>} in {@code slack-auditlogs:<method>}. */
public enum SlackAuditLogsMethod {

    /** {@code GET /logs}: audit events (consumer and producer). */
    logs,
    /** {@code GET /actions}: the action names by category (producer). */
    actions,
    /** {@code GET /schemas}: the entity schemas (producer). */
    schemas;

    /** Parses the URI path, failing with the allowed values. */
    public static SlackAuditLogsMethod fromPath(String path) {
        String name = path == null ? "" : path.trim().toLowerCase(Locale.ROOT);
        for (SlackAuditLogsMethod method : values()) {
            if (method.name().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown method '" + path + "' in slack-auditlogs:" + path + ": use one of "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
