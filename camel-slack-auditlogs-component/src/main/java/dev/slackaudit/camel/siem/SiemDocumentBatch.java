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

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.Collectors;

/**
 * The documents of one batch (consumer option {@code batchSize}), in the batch's order: the body of a batch exchange
 * after a SIEM data type transform. Its converters write JSON Lines, one document per line, as
 * {@link dev.slackaudit.camel.model.AuditLogBatch} does for raw events.
 */
public final class SiemDocumentBatch extends AbstractList<SiemDocument> implements RandomAccess {

    private final List<SiemDocument> documents;

    /** A batch of these documents, in this order (the list is copied). */
    public SiemDocumentBatch(List<SiemDocument> documents) {
        this.documents = List.copyOf(documents);
    }

    @Override
    public SiemDocument get(int index) {
        return documents.get(index);
    }

    @Override
    public int size() {
        return documents.size();
    }

    /** One document per line, joined by {@code \n}, with no newline after the last (as a raw batch). */
    public String toJsonLines() {
        return documents.stream().map(SiemDocument::toJson).collect(Collectors.joining("\n"));
    }
}
