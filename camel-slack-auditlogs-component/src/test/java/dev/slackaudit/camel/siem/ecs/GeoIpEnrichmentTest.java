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

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.testing.EcsTestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Look-ups in MaxMind's published test databases, as Elasticsearch's geoip processor writes them. */
class GeoIpEnrichmentTest {

    private final GeoIpEnrichment geoIp = EcsTestData.TEST_DATABASES;

    @Test
    void anAddressOfTheCityDatabaseGetsItsPlace() {
        assertEquals(EcsTestData.json("""
                {"ip":"81.2.69.143","geo":{"continent_name":"Europe","country_iso_code":"GB",\
                "country_name":"United Kingdom","region_iso_code":"GB-ENG","region_name":"England",\
                "city_name":"London","location":{"lat":51.5142,"lon":-0.0931}}}"""), enriched("81.2.69.143"));
    }

    @Test
    void anAddressOfTheAsnDatabaseGetsItsNetwork() {
        // compared as text: the number is a long (ASNs are 32-bit unsigned), the parsed expectation an int
        assertEquals("{\"ip\":\"1.0.0.1\",\"as\":{\"number\":15169,\"organization\":{\"name\":\"Google Inc.\"}}}",
                enriched("1.0.0.1").toString());
    }

    @Test
    void anIpv6AddressIsLookedUpToo() {
        assertEquals("JP", enriched("2001:218::1").at("/geo/country_iso_code").textValue());
    }

    @Test
    void anAddressNoDatabaseHoldsGetsNothing() {
        assertEquals(EcsTestData.json("{\"ip\":\"192.168.1.1\"}"), enriched("192.168.1.1"));
    }

    @Test
    void aDocumentWithoutSourceIpIsLeftAlone() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putObject("source").put("address", "example.com");
        geoIp.enrich(document);
        assertEquals(EcsTestData.json("{\"source\":{\"address\":\"example.com\"}}"), document);
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeoIpEnrichment.open(null, EcsTestData.resourceFile("/ecs/maxmind/README.md")));
        assertTrue(e.getMessage().startsWith("Cannot read the MaxMind database '"), e.getMessage());
        assertTrue(e.getMessage().contains("of the slack-auditlogs component option geoIpAsnDatabase"), e.getMessage());
    }

    private ObjectNode enriched(String ip) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putObject("source").put("ip", ip);
        geoIp.enrich(document);
        return (ObjectNode) document.get("source");
    }
}
