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
package dev.slackaudit.camel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slackaudit.camel.model.AuditLogBatch;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A batch body converts to JSON Lines and to a JSON array of the events exactly as Slack sent them. */
class BatchConvertersTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Three events as Slack might send them: one with a field this library does not know, one with a nested array. */
    private final List<String> json = List.of(
            "{\"id\":\"a1\",\"date_create\":1700000000,\"action\":\"user_login\",\"actor\":{\"type\":\"user\","
            + "\"user\":{\"id\":\"W1\"}},\"unknown_field\":{\"kept\":[1,2,3]}}",
            "{\"id\":\"b2\",\"date_create\":1700000001,\"action\":\"anomaly\",\"details\":{\"reason\":[\"tor\",\"asn\"]}}",
            "{\"id\":\"c3\",\"date_create\":1700000001,\"action\":\"file_downloaded\",\"entity\":{\"type\":\"file\","
            + "\"file\":{\"id\":\"F1\",\"name\":\"r\\u00e9sum\\u00e9.pdf\"}}}");

    private AuditLogBatch batch() {
        List<AuditLogEntry> entries = new ArrayList<>();
        json.forEach(text -> entries.add(AuditLogEntry.parse(text)));
        return new AuditLogBatch(entries);
    }

    @Test
    void asTextABatchIsItsEventsJsonJoinedByNewlines() {
        assertEquals(String.join("\n", json), context.getTypeConverter().convertTo(String.class, batch()));
    }

    @Test
    void asBytesAndAsAStreamABatchIsItsJsonLinesInUtf8() throws Exception {
        byte[] expected = String.join("\n", json).getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(expected, StandardCharsets.UTF_8),
                new String(context.getTypeConverter().convertTo(byte[].class, batch()), StandardCharsets.UTF_8));
        try (InputStream in = context.getTypeConverter().convertTo(InputStream.class, batch())) {
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void asAnArrayNodeABatchHoldsTheSameEventsUnknownFieldsIncluded() throws Exception {
        ArrayNode array = context.getTypeConverter().convertTo(ArrayNode.class, batch());
        assertEquals(json.size(), array.size());
        for (int i = 0; i < json.size(); i++) {
            assertEquals(MAPPER.readTree(json.get(i)), array.get(i));
        }
        assertEquals(List.of(1, 2, 3), MAPPER.convertValue(array.get(0).path("unknown_field").path("kept"), List.class));
    }

    @Test
    void marshalToJsonWritesAnArrayOfTheEventsAsSlackSentThem() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").marshal().json().convertBodyTo(String.class).to("mock:json");
            }
        });
        template.sendBody("direct:batch", batch());

        String written = getMockEndpoint("mock:json").getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertEquals("[" + String.join(",", json) + "]", written);
        assertEquals(written, batch().toJsonArray());
        JsonNode parsed = MAPPER.readTree(written);
        assertEquals(MAPPER.readTree(json.get(1)), parsed.get(1));
    }

    @Test
    void aPlainListOfEventsKeepsCamelsOwnConversion() {
        // the converters are registered for AuditLogBatch, not List: other lists convert as they did before
        List<AuditLogEntry> plain = new ArrayList<>(batch());
        assertNotEquals(String.join("\n", json), context.getTypeConverter().convertTo(String.class, plain));
    }
}
