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
package dev.slackaudit.benchmarks;

import java.nio.file.Path;
import java.util.Map;

/** The contenders of issue 7, by the name the harness and the report use. */
enum ContenderKind {

    RAW("raw HttpClient 5 + Jackson"),
    COMPONENT("slack-auditlogs -> null sink"),
    COMPONENT_JSONL("slack-auditlogs -> JSON Lines file"),
    COMPONENT_JSONL_BATCHED("slack-auditlogs batchSize=1000 -> JSON Lines file"),
    COMPONENT_ECS("slack-auditlogs -> ECS, no enrichment -> null sink"),
    COMPONENT_ECS_ENRICHED("slack-auditlogs -> ECS, user agent + GeoIP + ASN -> null sink"),
    COMPONENT_OCSF("slack-auditlogs -> OCSF -> null sink"),
    SLACK_SDK("Slack Java SDK loop"),
    HAND_ROUTE("hand-written Camel route");

    /**
     * MaxMind's published test databases, as the component's tests use them (run-benchmarks.sh runs from this module's
     * folder). They hold few networks, so most of the simulator's addresses miss: the figure is the cost of a look-up
     * that finds nothing plus, for the few that match, of reading the record; a full GeoLite2 database has more hits.
     */
    private static final Path MAXMIND_TEST_DATABASES = Path.of(System.getProperty("benchmark.maxmind",
            "../camel-slack-auditlogs-component/src/test/resources/ecs/maxmind")).toAbsolutePath();

    private final String label;

    ContenderKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @param workDirectory a directory of this run only, for contenders that write files */
    Contender create(Path workDirectory) {
        return switch (this) {
            case RAW -> new RawHttpContender();
            case COMPONENT -> new ComponentContender(null, 0);
            case COMPONENT_JSONL -> new ComponentContender(workDirectory, 0);
            case COMPONENT_JSONL_BATCHED -> new ComponentContender(workDirectory, ComponentContender.BATCH_SIZE);
            case COMPONENT_ECS -> ComponentContender.transforming("slack-auditlogs:ecs", Map.of("userAgentParsing", false));
            case COMPONENT_ECS_ENRICHED -> ComponentContender.transforming("slack-auditlogs:ecs", Map.of(
                    "userAgentParsing", true,
                    "geoIpCityDatabase", MAXMIND_TEST_DATABASES.resolve("GeoLite2-City-Test.mmdb").toString(),
                    "geoIpAsnDatabase", MAXMIND_TEST_DATABASES.resolve("GeoLite2-ASN-Test.mmdb").toString()));
            case COMPONENT_OCSF -> ComponentContender.transforming("slack-auditlogs:ocsf", Map.of());
            case SLACK_SDK -> new SlackSdkContender();
            case HAND_ROUTE -> new HandWrittenRouteContender();
        };
    }
}
