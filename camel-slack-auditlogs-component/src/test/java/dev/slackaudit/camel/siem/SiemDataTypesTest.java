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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.model.AuditLogBatch;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.DataType;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The two SIEM data types as a route sees them: resolved by name, one document per event (one per line for a batch),
 * the raw event kept in the document, the headers untouched. Each row names the data type and the field that carries
 * the event as Slack sent it.
 */
class SiemDataTypesTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String LOGIN = "{\"id\":\"a1\",\"date_create\":1700000000,\"action\":\"user_login\","
                                        + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W1\",\"name\":\"Ann\"}},"
                                        + "\"context\":{\"ip_address\":\"81.2.69.143\",\"ua\":\"curl/8.0\"},"
                                        + "\"unknown_field\":{\"kept\":[1,2,3]}}";
    private static final String DOWNLOAD = "{\"id\":\"b2\",\"date_create\":1700000001,\"action\":\"file_downloaded\","
                                           + "\"entity\":{\"type\":\"file\",\"file\":{\"id\":\"F1\",\"name\":\"a.pdf\"}}}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ecs").transformDataType(new DataType("slack-auditlogs:ecs")).to("mock:out");
                from("direct:ocsf").transformDataType(new DataType("slack-auditlogs:ocsf")).to("mock:out");
            }
        };
    }

    private Exchange send(String type, Object body) {
        return template.request("direct:" + type, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(SlackAuditLogsConstants.ID, "a1");
        });
    }

    private static JsonNode raw(JsonNode document, String rawField) {
        JsonNode node = document;
        for (String name : rawField.split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    @ParameterizedTest
    @CsvSource({ "ecs, event.original", "ocsf, raw_data" })
    void anEventBecomesOneDocumentThatCarriesTheEventAsSlackSentIt(String type, String rawField) {
        Exchange out = send(type, AuditLogEntry.parse(LOGIN));

        SiemDocument document = assertInstanceOf(SiemDocument.class, out.getMessage().getBody());
        assertEquals(LOGIN, raw(document.asTree(), rawField).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ecs", "ocsf" })
    void theHeadersOfTheExchangeStay(String type) {
        Exchange out = send(type, AuditLogEntry.parse(LOGIN));

        assertEquals("a1", out.getMessage().getHeader(SlackAuditLogsConstants.ID));
    }

    @ParameterizedTest
    @CsvSource({ "ecs, event.original", "ocsf, raw_data" })
    void theDocumentConvertsToOneLineOfJsonAsTextBytesAndAStream(String type, String rawField) throws Exception {
        Exchange out = send(type, AuditLogEntry.parse(LOGIN));

        String text = out.getMessage().getBody(String.class);
        assertFalse(text.contains("\n"), text);
        assertEquals(LOGIN, raw(MAPPER.readTree(text), rawField).asText());
        assertEquals(text, new String(out.getMessage().getBody(byte[].class), StandardCharsets.UTF_8));
        try (InputStream in = out.getMessage().getBody(InputStream.class)) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ecs", "ocsf" })
    void theDocumentConvertsToAMapOfItsFields(String type) throws Exception {
        Exchange out = send(type, AuditLogEntry.parse(LOGIN));

        Map<?, ?> map = out.getMessage().getBody(Map.class);
        // compared as JSON text read back, so that an int and a long of the same value are the same number
        assertEquals(MAPPER.readTree(out.getMessage().getBody(String.class)),
                MAPPER.readTree(MAPPER.writeValueAsString(map)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ecs", "ocsf" })
    void marshalToJsonWritesTheDocumentItself(String type) throws Exception {
        SiemDocument document = assertInstanceOf(SiemDocument.class,
                send(type, AuditLogEntry.parse(LOGIN)).getMessage().getBody());

        assertEquals(document.toJson(), MAPPER.writeValueAsString(document));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ecs", "ocsf" })
    void theJsonTextOfAnEventIsTransformedAsTheEventItself(String type) throws Exception {
        Exchange fromText = send(type, LOGIN);
        Exchange fromEntry = send(type, AuditLogEntry.parse(LOGIN));

        assertEquals(MAPPER.readTree(fromEntry.getMessage().getBody(String.class)),
                MAPPER.readTree(fromText.getMessage().getBody(String.class)));
    }

    @ParameterizedTest
    @CsvSource({ "ecs, event.original", "ocsf, raw_data" })
    void aBatchBecomesOneDocumentPerEventInOrderWrittenAsJsonLines(String type, String rawField) throws Exception {
        AuditLogBatch batch = new AuditLogBatch(List.of(AuditLogEntry.parse(LOGIN), AuditLogEntry.parse(DOWNLOAD)));

        Exchange out = send(type, batch);

        SiemDocumentBatch documents = assertInstanceOf(SiemDocumentBatch.class, out.getMessage().getBody());
        String[] lines = out.getMessage().getBody(String.class).split("\n", -1);
        assertEquals(2, documents.size());
        assertEquals(2, lines.length);
        assertEquals(LOGIN, raw(MAPPER.readTree(lines[0]), rawField).asText());
        assertEquals(DOWNLOAD, raw(MAPPER.readTree(lines[1]), rawField).asText());
        assertEquals(documents.get(1).toJson(), lines[1]);
    }
}
