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

import java.util.ArrayList;
import java.util.List;

import dev.slackaudit.camel.SlackAuditLogsComponent;
import dev.slackaudit.camel.siem.EventMapper;
import dev.slackaudit.camel.siem.SiemTransformer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.DataTypeTransformer;

/**
 * The data type {@code slack-auditlogs:ecs}: each audit event as an Elastic Common Schema document ({@link EcsMapper}).
 * <p>
 * The enrichment follows the options of the CamelContext's {@code slack-auditlogs} component
 * ({@code userAgentParsing}, {@code geoIpCityDatabase}, {@code geoIpAsnDatabase}). The mapper is built on first use
 * and kept for that component, so the databases are opened once, not per exchange.
 */
@DataTypeTransformer(name = "slack-auditlogs:ecs",
                     description = "Turns Slack audit events into Elastic Common Schema (ECS) documents")
public class EcsTransformer extends SiemTransformer {

    private final Object lock = new Object();
    private volatile Configured configured;

    /** The mapper built from one component's options, and the databases it holds open. */
    private record Configured(SlackAuditLogsComponent component, EcsMapper mapper, GeoIpEnrichment geoIp) {
    }

    @Override
    protected EventMapper mapper() {
        CamelContext context = getCamelContext();
        SlackAuditLogsComponent component = context == null
                ? null : context.getComponent("slack-auditlogs", SlackAuditLogsComponent.class);
        Configured current = configured;
        if (current == null || current.component() != component) {
            synchronized (lock) {
                current = configured;
                if (current == null || current.component() != component) {
                    Configured previous = current;
                    current = configure(component);
                    configured = current;
                    close(previous);
                }
            }
        }
        return current.mapper();
    }

    /** Opens what the component's options ask for; a component's defaults when there is none. */
    private static Configured configure(SlackAuditLogsComponent component) {
        boolean parseUserAgents = component == null || component.isUserAgentParsing();
        String city = component == null ? null : component.getGeoIpCityDatabase();
        String asn = component == null ? null : component.getGeoIpAsnDatabase();
        List<EcsEnrichment> enrichments = new ArrayList<>();
        if (parseUserAgents) {
            enrichments.add(UserAgentEnrichment.shared());
        }
        GeoIpEnrichment geoIp = null;
        if (city != null && !city.isBlank() || asn != null && !asn.isBlank()) {
            geoIp = GeoIpEnrichment.open(city, asn);
            enrichments.add(geoIp);
        }
        return new Configured(component, new EcsMapper(enrichments), geoIp);
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (lock) {
            close(configured);
            configured = null;
        }
        super.doStop();
    }

    private static void close(Configured configured) {
        if (configured != null && configured.geoIp() != null) {
            configured.geoIp().close();
        }
    }
}
