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

import com.fasterxml.jackson.databind.JsonNode;
import dev.slackaudit.camel.SlackAuditLogsComponent;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.testing.EcsTestData;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code transformDataType("slack-auditlogs:ecs")} enriches as the slack-auditlogs component's options say, and a bad
 * database option fails naming it. (What both data types do to a body, a batch and the headers:
 * {@code SiemDataTypesTest}.)
 */
class EcsEnrichmentOptionsTest extends CamelTestSupport {

    private static final String LOGIN = "{\"id\":\"e1\",\"date_create\":1521214343,\"action\":\"user_login\","
                                        + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"W1\",\"email\":\"a@b.c\"}},"
                                        + "\"context\":{\"ua\":\"Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:23.0)"
                                        + " Gecko/20131011 Firefox/23.0\",\"ip_address\":\"81.2.69.143\"}}";
    private static final String DOWNLOAD = "{\"id\":\"e2\",\"date_create\":1521214344,\"action\":\"file_downloaded\","
                                           + "\"context\":{\"ip_address\":\"1.128.0.1\"}}";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.addComponent("slack-auditlogs", componentWith(EcsTestData.CITY_DATABASE.toString(),
                EcsTestData.ASN_DATABASE.toString(), true));
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ecs").transformDataType(new DataType("slack-auditlogs:ecs")).to("mock:ecs");
            }
        };
    }

    @Test
    void theComponentsDefaultsParseTheUserAgentAndItsCityDatabaseLocatesTheAddress() throws Exception {
        template.sendBody("direct:ecs", AuditLogEntry.parse(LOGIN));

        JsonNode document = EcsTestData.json(getMockEndpoint("mock:ecs").getReceivedExchanges().get(0)
                .getMessage().getBody(String.class));
        assertEquals("Firefox", document.at("/user_agent/name").textValue(), "parsed: userAgentParsing defaults to true");
        assertEquals("London", document.at("/source/geo/city_name").textValue(), "the component's City database");
    }

    @Test
    void theComponentsAsnDatabaseNamesTheNetwork() throws Exception {
        template.sendBody("direct:ecs", DOWNLOAD);

        JsonNode document = EcsTestData.json(getMockEndpoint("mock:ecs").getReceivedExchanges().get(0)
                .getMessage().getBody(String.class));
        assertEquals(1221, document.at("/source/as/number").intValue(), "the component's ASN database");
        assertEquals("Telstra Pty Ltd", document.at("/source/as/organization/name").textValue());
    }

    @Test
    void userAgentParsingCanBeSwitchedOff() throws Exception {
        JsonNode document = transformedIn(componentWith(null, null, false));
        assertEquals(EcsTestData.json("{\"original\":\"Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:23.0) Gecko/20131011"
                                      + " Firefox/23.0\"}"), document.get("user_agent"));
        assertFalse(document.at("/source").has("geo"), "no database, no GeoIP");
    }

    @Test
    void aDatabasePathWithNoFileFailsTheStartNamingTheOption() {
        Exception e = assertThrows(Exception.class,
                () -> transformedIn(componentWith("/no/such/GeoLite2-City.mmdb", null, true)));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertEquals("Invalid geoIpCityDatabase '/no/such/GeoLite2-City.mmdb': no readable file there (the path of a"
                     + " MaxMind database such as GeoLite2-City.mmdb)", cause.getMessage());
    }

    @Test
    void aDatabaseOfTheOtherKindFailsNamingTheOptionAndWhatItExpects() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> transformedIn(componentWith(null, EcsTestData.CITY_DATABASE.toString(), true)));
        assertEquals("The MaxMind database '" + EcsTestData.CITY_DATABASE + "' of the slack-auditlogs component option"
                     + " geoIpAsnDatabase is a GeoLite2-City database; expected a GeoLite2 ASN database"
                     + " (GeoLite2-ASN.mmdb)", e.getCause().getMessage());
    }

    private static SlackAuditLogsComponent componentWith(String city, String asn, boolean parseUserAgents) {
        SlackAuditLogsComponent component = new SlackAuditLogsComponent();
        component.setGeoIpCityDatabase(city);
        component.setGeoIpAsnDatabase(asn);
        component.setUserAgentParsing(parseUserAgents);
        return component;
    }

    /** The document of {@link #LOGIN} in a CamelContext of its own with this component. */
    private static JsonNode transformedIn(SlackAuditLogsComponent component) throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            other.addComponent("slack-auditlogs", component);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ecs").transformDataType("slack-auditlogs:ecs");
                }
            });
            other.start();
            ProducerTemplate producer = other.createProducerTemplate();
            return EcsTestData.json(producer.requestBody("direct:ecs", AuditLogEntry.parse(LOGIN), String.class));
        }
    }
}
