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
package dev.slackaudit.camel.siem.ecs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.siem.EventMapper;

/** SKELETON: the ECS helper writes this class. */
public final class EcsMapper implements EventMapper {

    @Override
    public ObjectNode map(AuditLogEntry entry) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putObject("event").put("original", entry.toJson());
        return document;
    }
}
