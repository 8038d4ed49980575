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

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.DataType;

/**
 * Writes each batch of audit events as one JSON Lines object, e.g. for an S3 or GCS bucket or a data lake's landing
 * directory: {@code 1732183200-0b5b1ec2-....jsonl}, named after the batch's first event, so the names sort by time.
 * <p>
 * The consumer's {@code batchSize} makes the batches; the component's type converter writes a batch as its events'
 * JSON, one per line, exactly as Slack sent them. Each object is written under a temporary name and renamed when
 * complete, so a reader never sees half an object. A batch that failed is delivered again from the same first event,
 * so it lands under the same name and replaces the failed attempt's object.
 * <p>
 * Given a data type ({@code slack-auditlogs:ocsf} for a security lake, {@code slack-auditlogs:ecs}), each line is
 * that document instead of the raw event; the batch headers that name the object stay.
 */
public final class JsonLinesBatchesRoute extends RouteBuilder {

    private final String consumerUri;
    private final String directory;
    private final String dataType;

    /**
     * @param consumerUri a {@code slack-auditlogs:logs} URI with {@code batchSize} set
     * @param directory   where the objects go
     */
    public JsonLinesBatchesRoute(String consumerUri, String directory) {
        this(consumerUri, directory, null);
    }

    /**
     * @param consumerUri a {@code slack-auditlogs:logs} URI with {@code batchSize} set
     * @param directory   where the objects go
     * @param dataType    the data type each event becomes, e.g. {@code slack-auditlogs:ocsf}; {@code null} for the
     *                    events as Slack sent them
     */
    public JsonLinesBatchesRoute(String consumerUri, String directory, String dataType) {
        this.consumerUri = consumerUri;
        this.directory = directory;
        this.dataType = dataType;
    }

    @Override
    public void configure() {
        RouteDefinition route = from(consumerUri).routeId("audit-jsonl-batches");
        if (dataType != null) {
            route.transformDataType(new DataType(dataType));
        }
        route.to("file:" + directory
                 + "?fileName=${header.CamelSlackAuditLogsFirstDateCreate}-${header.CamelSlackAuditLogsFirstId}.jsonl"
                 + "&tempFileName=${file:name}.part&charset=UTF-8");
    }
}
