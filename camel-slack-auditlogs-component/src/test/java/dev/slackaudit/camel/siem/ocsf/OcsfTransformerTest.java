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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.siem.SiemDocument;
import dev.slackaudit.camel.siem.SiemDocumentBatch;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The data type {@code slack-auditlogs:ocsf}, resolved by name in a route, turns bodies into OCSF documents. */
class OcsfTransformerTest {

    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeAll
    static void startRoute() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocsf").transformDataType(new DataType("slack-auditlogs:ocsf"));
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stopRoute() {
        context.stop();
    }

    private static Exchange send(Object body) {
        return template.request("direct:ocsf", exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader("SlackAuditLogsEventId", "kept");
        });
    }

    @Test
    void anEventBecomesAnOcsfDocumentAndTheHeadersStay() {
        Exchange exchange = send(OcsfTestEvents.event("user_login", "user"));
        SiemDocument document = assertInstanceOf(SiemDocument.class, exchange.getMessage().getBody());
        assertEquals(300201, document.asTree().get("type_uid").asLong());
        assertEquals("kept", exchange.getMessage().getHeader("SlackAuditLogsEventId"));
    }

    @Test
    void theDocumentIsOneLineOfJsonAndAMap() {
        Exchange exchange = send(OcsfTestEvents.event("file_downloaded", "file"));
        String json = exchange.getMessage().getBody(String.class);
        assertEquals(-1, json.indexOf('\n'));
        assertEquals(6006, OcsfTestEvents.readTree(json).get("class_uid").asInt());
        Map<?, ?> map = exchange.getMessage().getBody(Map.class);
        assertEquals("report.pdf", ((Map<?, ?>) map.get("file")).get("name"));
    }

    @Test
    void theJsonTextOfAnEventIsMappedToo() {
        Exchange exchange = send(OcsfTestEvents.event("anomaly", "anomaly").toJson());
        assertEquals(2004, exchange.getMessage().getBody(SiemDocument.class).asTree().get("class_uid").asInt());
    }

    @Test
    void aBatchBecomesOneDocumentPerEventInOrderWrittenAsJsonLines() {
        List<AuditLogEntry> batch = List.of(OcsfTestEvents.event("user_login", "user"),
                OcsfTestEvents.event("user_added_to_usergroup", "subteam"), OcsfTestEvents.event("app_installed", "app"));
        Exchange exchange = send(batch);
        assertEquals(3, assertInstanceOf(SiemDocumentBatch.class, exchange.getMessage().getBody()).size());
        List<String> lines = exchange.getMessage().getBody(String.class).lines().toList();
        assertEquals(List.of(3002, 3006, 3004),
                lines.stream().map(OcsfTestEvents::readTree).map(line -> line.get("class_uid")).map(JsonNode::asInt).toList());
    }
}
