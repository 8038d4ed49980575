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

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Posts each batch of audit events to an HTTP bulk collector as one {@code application/x-ndjson} request: the shape
 * Splunk HEC (several events in one body), Elasticsearch's {@code _bulk} (after an action line per event) and most
 * log collectors take.
 * <p>
 * The body needs no code: the component's type converter sends the batch as JSON Lines. A collector that answers with
 * an error fails the exchange, so the consumer stops the window before that batch and the next poll posts the same
 * events again: nothing is lost, and the checkpoint moves only past batches the collector accepted.
 */
public final class BulkHttpRoute extends RouteBuilder {

    private final String consumerUri;
    private final String collectorUrl;

    /**
     * @param consumerUri  a {@code slack-auditlogs:logs} URI with {@code batchSize} set
     * @param collectorUrl the collector's bulk endpoint, e.g. {@code https://splunk.example:8088/services/collector/raw}
     */
    public BulkHttpRoute(String consumerUri, String collectorUrl) {
        this.consumerUri = consumerUri;
        this.collectorUrl = collectorUrl;
    }

    @Override
    public void configure() {
        from(consumerUri)
                .routeId("audit-bulk-http")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/x-ndjson"))
                .to(collectorUrl);
    }
}
