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

import dev.slackaudit.camel.siem.EventMapper;
import dev.slackaudit.camel.siem.SiemTransformer;
import org.apache.camel.spi.DataTypeTransformer;

/** The data type {@code slack-auditlogs:ecs}: each audit event as an Elastic Common Schema document ({@link EcsMapper}). */
@DataTypeTransformer(name = "slack-auditlogs:ecs",
                     description = "Turns Slack audit events into Elastic Common Schema (ECS) documents")
public class EcsTransformer extends SiemTransformer {

    private static final EcsMapper MAPPER = new EcsMapper();

    @Override
    protected EventMapper mapper() {
        return MAPPER;
    }
}
