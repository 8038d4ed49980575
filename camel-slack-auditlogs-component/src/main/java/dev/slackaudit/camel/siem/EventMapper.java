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
package dev.slackaudit.camel.siem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;

/**
 * Turns one Slack audit event into a document of a SIEM schema (ECS, OCSF).
 * <p>
 * A mapper never throws for the content of an event: a field of unexpected type, an empty or invalid IP address, a
 * missing actor or an unknown entity type leave that field out of the document, and the event is still mapped. An
 * exception here would stop the window and hold every later event back, for a field no one may ever query.
 * Implementations are thread-safe: one instance serves every route of a CamelContext.
 */
public interface EventMapper {

    /** The document for this event: a new tree, owned by the caller. */
    ObjectNode map(AuditLogEntry entry);
}
