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

import java.util.List;

import dev.slackaudit.camel.model.AuditLogEntry;

/**
 * One page of {@code GET /logs}: entries newest first, and the cursor of the next page ({@code null} on the last page:
 * Slack's empty string, a {@code null} and a missing {@code response_metadata} all mean "no more").
 */
public record LogsPage(List<AuditLogEntry> entries, String nextCursor) {
}
