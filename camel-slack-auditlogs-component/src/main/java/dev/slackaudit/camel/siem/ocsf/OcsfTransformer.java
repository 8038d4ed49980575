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
package dev.slackaudit.camel.siem.ocsf;

import dev.slackaudit.camel.siem.EventMapper;
import dev.slackaudit.camel.siem.SiemTransformer;
import org.apache.camel.spi.DataTypeTransformer;

/** The data type {@code slack-auditlogs:ocsf}: each audit event as an OCSF event ({@link OcsfMapper}). */
@DataTypeTransformer(name = "slack-auditlogs:ocsf",
                     description = "Turns Slack audit events into Open Cybersecurity Schema Framework (OCSF) events")
public class OcsfTransformer extends SiemTransformer {

    private static final OcsfMapper MAPPER = new OcsfMapper();

    @Override
    protected EventMapper mapper() {
        return MAPPER;
    }
}
