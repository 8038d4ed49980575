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
