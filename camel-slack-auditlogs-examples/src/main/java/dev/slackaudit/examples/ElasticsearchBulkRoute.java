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
package dev.slackaudit.examples;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.siem.SiemDocument;
import dev.slackaudit.camel.siem.SiemDocumentBatch;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.DataType;

/**
 * Indexes each batch of audit events into Elasticsearch or OpenSearch as Elastic Common Schema documents, with one
 * {@code _bulk} request per batch.
 * <p>
 * Each document's {@code _id} is the Slack event id ({@code event.id}), so a batch delivered again (after a crash, or
 * after a refusal) overwrites the documents it wrote before instead of adding copies: the index holds each event once
 * even where delivery was at least once.
 * <p>
 * {@code _bulk} answers 200 even when it refused some documents (a full queue, a mapping conflict): it says so with
 * {@code "errors": true} in the body. The route fails the exchange then, so the consumer keeps its checkpoint before
 * the batch and sends the whole batch again on its next poll; documents already indexed are overwritten, not repeated.
 */
public final class ElasticsearchBulkRoute extends RouteBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String consumerUri;
    private final String elasticsearchUrl;
    private final String index;

    /**
     * @param consumerUri      a {@code slack-auditlogs:logs} URI with {@code batchSize} set
     * @param elasticsearchUrl the cluster's root, e.g. {@code https://es.example:9200}
     * @param index            the index or data stream, e.g. {@code logs-slack.audit-default}
     */
    public ElasticsearchBulkRoute(String consumerUri, String elasticsearchUrl, String index) {
        this.consumerUri = consumerUri;
        this.elasticsearchUrl = elasticsearchUrl;
        this.index = index;
    }

    @Override
    public void configure() {
        from(consumerUri)
                .routeId("audit-elasticsearch-bulk")
                .transformDataType(new DataType("slack-auditlogs:ecs"))
                .process(exchange -> exchange.getMessage().setBody(bulkBody(exchange)))
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/x-ndjson"))
                .to(elasticsearchUrl + "/_bulk")
                .process(ElasticsearchBulkRoute::failOnRefusedDocuments);
    }

    /** An {@code index} action line and the document, for each document of the batch (or the single document). */
    private String bulkBody(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        List<SiemDocument> documents = body instanceof SiemDocumentBatch batch
                ? batch : List.of(exchange.getMessage().getMandatoryBody(SiemDocument.class));
        StringBuilder bulk = new StringBuilder();
        for (SiemDocument document : documents) {
            // index, not create: create would refuse a re-delivered event, index replaces it with the same document
            ObjectNode action = MAPPER.createObjectNode();
            ObjectNode target = action.putObject("index").put("_index", index);
            JsonNode id = document.asTree().path("event").path("id");
            if (id.isTextual()) {
                target.set("_id", id);
            }
            bulk.append(action).append('\n').append(document.toJson()).append('\n');
        }
        return bulk.toString();
    }

    private static void failOnRefusedDocuments(Exchange exchange) throws Exception {
        JsonNode answer = MAPPER.readTree(exchange.getMessage().getBody(String.class));
        if (answer.path("errors").asBoolean(false)) {
            throw new CamelExchangeException("Elasticsearch refused documents of this batch; the batch is sent again"
                                             + " on the next poll. First refusal: " + firstError(answer), exchange);
        }
    }

    private static JsonNode firstError(JsonNode answer) {
        for (JsonNode item : answer.path("items")) {
            JsonNode error = item.elements().hasNext() ? item.elements().next().path("error") : item.path("error");
            if (!error.isMissingNode()) {
                return error;
            }
        }
        return answer;
    }
}
