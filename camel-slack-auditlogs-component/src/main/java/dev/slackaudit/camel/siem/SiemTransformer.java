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

import java.util.ArrayList;
import java.util.List;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Message;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;

/**
 * A Camel data type transformer from Slack audit events to SIEM documents, resolved by name
 * ({@code transformDataType("slack-auditlogs:ecs")}).
 * <p>
 * Takes what the component's consumer and producer put in a body: one {@link AuditLogEntry} becomes a
 * {@link SiemDocument}; a batch (any list of entries, as the consumer's {@code batchSize} gives) becomes a
 * {@link SiemDocumentBatch} in the same order. Any other body is converted to an {@code AuditLogEntry} first, so the
 * JSON text of an event (a line of a file this component wrote) works too. Headers are left as they are.
 */
public abstract class SiemTransformer extends Transformer {

    /** The mapping this data type applies; called once per exchange, so it may be cached by the subclass. */
    protected abstract EventMapper mapper();

    @Override
    public void transform(Message message, DataType from, DataType to) throws Exception {
        EventMapper mapper = mapper();
        Object body = message.getBody();
        if (body instanceof List<?> list) {
            List<SiemDocument> documents = new ArrayList<>(list.size());
            for (Object element : list) {
                AuditLogEntry entry = element instanceof AuditLogEntry e
                        ? e : message.getExchange().getContext().getTypeConverter()
                                .mandatoryConvertTo(AuditLogEntry.class, message.getExchange(), element);
                documents.add(new SiemDocument(mapper.map(entry)));
            }
            message.setBody(new SiemDocumentBatch(documents));
        } else {
            message.setBody(new SiemDocument(mapper.map(message.getMandatoryBody(AuditLogEntry.class))));
        }
    }
}
