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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import dev.slackaudit.camel.options.ConfigurationCheck;
import dev.slackaudit.camel.options.DurationOption;
import dev.slackaudit.camel.options.EndpointOptionsRefused;
import dev.slackaudit.camel.options.TypedOptionsChecked;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** Creates {@code slack-auditlogs:<method>} endpoints; its options are the defaults of every endpoint. */
@Component("slack-auditlogs")
public class SlackAuditLogsComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private SlackAuditLogsConfiguration configuration = new SlackAuditLogsConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "siem", defaultValue = "true")
    private boolean userAgentParsing = true;
    @Metadata(label = "siem")
    private String geoIpCityDatabase;
    @Metadata(label = "siem")
    private String geoIpAsnDatabase;
    // the one scheduler option the component takes: every consumer's poll interval; the others are refused here
    // (EndpointOptionsRefused) with the endpoint option to use instead
    @Metadata(label = "consumer,scheduler", defaultValue = "" + SlackAuditLogsEndpoint.DEFAULT_DELAY,
              description = "The time between polls of every consumer this component creates, unless its URI sets"
                            + " delay: an ISO-8601 duration (PT20S), a number with a unit (20s, 1m) or a plain number"
                            + " of milliseconds (20000), longer than zero. The other scheduler options (initialDelay,"
                            + " greedy...) are set on each endpoint.")
    private String delay = Long.toString(SlackAuditLogsEndpoint.DEFAULT_DELAY);

    /** The checkpoint keys the started consumers of this component hold, per state repository. */
    private final Map<StateRepository<String, String>, Set<String>> checkpointsInUse = new IdentityHashMap<>();

    public SlackAuditLogsComponent() {
    }

    public SlackAuditLogsComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SlackAuditLogsMethod method = SlackAuditLogsMethod.fromPath(remaining);
        SlackAuditLogsEndpoint endpoint = new SlackAuditLogsEndpoint(uri, this, method, configuration.copy());
        endpoint.setDelay(delay);
        try {
            setProperties(endpoint, parameters);
        } catch (PropertyBindingException e) {
            // a value TypedOptionsChecked refused: its message names the option, the value and the accepted forms
            throw e.getCause() instanceof IllegalArgumentException refusal ? refusal : e;
        }
        if (endpoint.getConfiguration().getSslContextParameters() == null) {
            endpoint.getConfiguration().setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validate();
        return endpoint;
    }

    /**
     * Checks the component's own options when the CamelContext starts, so that a bad
     * {@code camel.component.slack-auditlogs.*} property fails there, even before a route uses it.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ConfigurationCheck.checkValues(configuration);
        DurationOption.DELAY.parse(delay);
        checkReadableFile("geoIpCityDatabase", geoIpCityDatabase, "GeoLite2-City.mmdb");
        checkReadableFile("geoIpAsnDatabase", geoIpAsnDatabase, "GeoLite2-ASN.mmdb");
    }

    /** A database path that names no file fails here, when the context starts, not on the first event transformed. */
    private static void checkReadableFile(String option, String path, String example) {
        if (path != null && !path.isBlank() && !Files.isReadable(Path.of(path))) {
            throw new IllegalArgumentException("Invalid " + option + " '" + path + "': no readable file there (the path"
                                               + " of a MaxMind database such as " + example + ")");
        }
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        PropertyConfigurer generated = super.getComponentPropertyConfigurer();
        return generated == null ? null : new EndpointOptionsRefused(generated);
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        PropertyConfigurer generated = super.getEndpointPropertyConfigurer();
        return generated == null ? null : new TypedOptionsChecked(generated);
    }

    /**
     * Claims a checkpoint for a starting consumer. Two consumers writing one checkpoint would overwrite each other's
     * position (say, a live route and an export with the same filters), so the second one fails to start.
     */
    synchronized void claimCheckpoint(StateRepository<String, String> repository, String key) {
        if (!checkpointsInUse.computeIfAbsent(repository, r -> new HashSet<>()).add(key)) {
            throw new IllegalStateException("Another slack-auditlogs consumer already keeps its checkpoint under the key '"
                                            + key + "' in this state repository: give each consumer its own stateKey");
        }
    }

    synchronized void releaseCheckpoint(StateRepository<String, String> repository, String key) {
        Set<String> keys = checkpointsInUse.get(repository);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            checkpointsInUse.remove(repository);
        }
    }

    public SlackAuditLogsConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults of every endpoint this component creates (token, baseUrl, transport, filters...). */
    public void setConfiguration(SlackAuditLogsConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getDelay() {
        return delay;
    }

    /** The time between polls of every consumer of this component, as typed (PT20S, 20s, 20000 milliseconds). */
    public void setDelay(String delay) {
        this.delay = delay;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the global SSLContextParameters of the CamelContext when an endpoint sets none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public boolean isUserAgentParsing() {
        return userAgentParsing;
    }

    /**
     * Whether the slack-auditlogs:ecs data type parses each event's user agent into user_agent.name, version, os and
     * device (with ua-parser's rules, as Elastic's pipeline does). user_agent.original is always there.
     */
    public void setUserAgentParsing(boolean userAgentParsing) {
        this.userAgentParsing = userAgentParsing;
    }

    public String getGeoIpCityDatabase() {
        return geoIpCityDatabase;
    }

    /**
     * The path of a MaxMind GeoIP2 or GeoLite2 City database (GeoLite2-City.mmdb): the slack-auditlogs:ecs data type
     * then adds the source.geo fields (continent, country, region, city, location) for each event's IP address. Not
     * set: no GeoIP look-up.
     */
    public void setGeoIpCityDatabase(String geoIpCityDatabase) {
        this.geoIpCityDatabase = geoIpCityDatabase;
    }

    public String getGeoIpAsnDatabase() {
        return geoIpAsnDatabase;
    }

    /**
     * The path of a MaxMind GeoLite2 ASN database (GeoLite2-ASN.mmdb): the slack-auditlogs:ecs data type then adds
     * source.as.number and source.as.organization.name for each event's IP address. Not set: no ASN look-up.
     */
    public void setGeoIpAsnDatabase(String geoIpAsnDatabase) {
        this.geoIpAsnDatabase = geoIpAsnDatabase;
    }
}
