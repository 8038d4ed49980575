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

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Subdivision;

/**
 * Looks {@code source.ip} up in MaxMind databases the user points to, as Elasticsearch's {@code geoip} processor does
 * in Elastic's Slack pipeline: a City database gives {@code source.geo.*} (continent, country, region, city and
 * location), an ASN database {@code source.as.number} and {@code source.as.organization.name}. Either may be absent.
 * An address a database does not hold, or a failed look-up, leaves those fields out.
 */
public final class GeoIpEnrichment implements EcsEnrichment, Closeable {

    private final DatabaseReader city;
    private final DatabaseReader asn;

    private GeoIpEnrichment(DatabaseReader city, DatabaseReader asn) {
        this.city = city;
        this.asn = asn;
    }

    /**
     * Opens the databases at these paths ({@code null} for none).
     *
     * @param  cityDatabase             a GeoIP2 or GeoLite2 City database, e.g. {@code GeoLite2-City.mmdb}
     * @param  asnDatabase              a GeoLite2 ASN database, e.g. {@code GeoLite2-ASN.mmdb}
     * @throws IllegalArgumentException naming the component option, if a file cannot be read or is not a database
     *                                  of that kind
     */
    public static GeoIpEnrichment open(String cityDatabase, String asnDatabase) {
        DatabaseReader city = open(cityDatabase, DatabaseOption.CITY);
        try {
            return new GeoIpEnrichment(city, open(asnDatabase, DatabaseOption.ASN));
        } catch (RuntimeException e) {
            closeQuietly(city);
            throw e;
        }
    }

    @Override
    public void enrich(ObjectNode document) {
        JsonNode ip = document.path("source").path("ip");
        InetAddress address = ip.isTextual() ? IpLiteral.parse(ip.textValue()) : null;
        if (address == null) {
            return;
        }
        ObjectNode source = (ObjectNode) document.get("source");
        if (city != null) {
            lookUpCity(address).ifPresent(response -> writeGeo(response, source));
        }
        if (asn != null) {
            lookUpAsn(address).ifPresent(response -> writeAs(response, source));
        }
    }

    private Optional<CityResponse> lookUpCity(InetAddress address) {
        try {
            return city.tryCity(address);
        } catch (Exception e) {
            // a damaged record or an I/O error on one address: the document goes without source.geo
            return Optional.empty();
        }
    }

    private Optional<AsnResponse> lookUpAsn(InetAddress address) {
        try {
            return asn.tryAsn(address);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void writeGeo(CityResponse response, ObjectNode source) {
        ObjectNode geo = source.putObject("geo");
        putIfPresent(geo, "continent_name", response.continent() == null ? null : response.continent().name());
        String country = response.country() == null ? null : response.country().isoCode();
        putIfPresent(geo, "country_iso_code", country);
        putIfPresent(geo, "country_name", response.country() == null ? null : response.country().name());
        List<Subdivision> subdivisions = response.subdivisions();
        if (subdivisions != null && !subdivisions.isEmpty()) {
            // Elasticsearch names the most specific subdivision, its code prefixed with the country's (GB-ENG)
            Subdivision region = response.mostSpecificSubdivision();
            if (country != null && region.isoCode() != null) {
                geo.put("region_iso_code", country + "-" + region.isoCode());
            }
            putIfPresent(geo, "region_name", region.name());
        }
        putIfPresent(geo, "city_name", response.city() == null ? null : response.city().name());
        if (response.location() != null && response.location().latitude() != null
                && response.location().longitude() != null) {
            geo.putObject("location")
                    .put("lat", response.location().latitude())
                    .put("lon", response.location().longitude());
        }
        if (geo.isEmpty()) {
            source.remove("geo");
        }
    }

    private static void writeAs(AsnResponse response, ObjectNode source) {
        if (response.autonomousSystemNumber() == null && response.autonomousSystemOrganization() == null) {
            return;
        }
        ObjectNode as = source.putObject("as");
        if (response.autonomousSystemNumber() != null) {
            as.put("number", response.autonomousSystemNumber());
        }
        if (response.autonomousSystemOrganization() != null) {
            as.putObject("organization").put("name", response.autonomousSystemOrganization());
        }
    }

    private static DatabaseReader open(String path, DatabaseOption option) {
        if (path == null || path.isBlank()) {
            return null;
        }
        File file = new File(path);
        DatabaseReader reader;
        try {
            // MaxMind's cache of decoded records: events come from few addresses, and decoding is the costly part
            reader = new DatabaseReader.Builder(file).withCache(new CHMCache()).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read the MaxMind database '" + path + "' of the slack-auditlogs"
                                               + " component option " + option.optionName() + ": " + e.getMessage()
                                               + " (expected " + option.expected() + ")", e);
        }
        String type = reader.getMetadata().databaseType();
        if (!option.accepts(type)) {
            closeQuietly(reader);
            throw new IllegalArgumentException("The MaxMind database '" + path + "' of the slack-auditlogs component"
                                               + " option " + option.optionName() + " is a " + type + " database;"
                                               + " expected " + option.expected());
        }
        return reader;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing was read through it yet; the open failure is what the user needs to see
        }
    }

    @Override
    public void close() {
        closeQuietly(city);
        closeQuietly(asn);
    }

    /** The two database options, and which MaxMind database types each accepts. */
    enum DatabaseOption {
        CITY("geoIpCityDatabase", "a GeoIP2 or GeoLite2 City database (GeoLite2-City.mmdb)") {
            @Override
            boolean accepts(String type) {
                return type.contains("City") || type.contains("Enterprise");
            }
        },
        ASN("geoIpAsnDatabase", "a GeoLite2 ASN database (GeoLite2-ASN.mmdb)") {
            @Override
            boolean accepts(String type) {
                return type.contains("ASN");
            }
        };

        private final String optionName;
        private final String expected;

        DatabaseOption(String optionName, String expected) {
            this.optionName = optionName;
            this.expected = expected;
        }

        abstract boolean accepts(String type);

        String optionName() {
            return optionName;
        }

        String expected() {
            return expected;
        }
    }
}
