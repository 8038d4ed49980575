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

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.support.LRUCacheFactory;
import ua_parser.Client;
import ua_parser.OS;
import ua_parser.Parser;
import ua_parser.UserAgent;

/**
 * Parses {@code user_agent.original} with ua-parser's {@code uap-java} (the regexes of the ua-parser project, which
 * Elasticsearch's {@code user_agent} processor also builds on) into {@code user_agent.name}, {@code .version},
 * {@code .os.*} and {@code .device.name}, with the values Elasticsearch writes (docs/ecs.md compares the two on
 * Elastic's test cases).
 */
public final class UserAgentEnrichment implements EcsEnrichment {

    private static final String OTHER = "Other";
    /**
     * Parsed agents kept: an organisation's events come from a few hundred agents, and one parse tries some thousand
     * regexes. uap-java's own CachingParser keeps its cache in a map that is not thread-safe, so Camel's LRU cache
     * (safe for concurrent use) holds them instead.
     */
    private static final int CACHED_AGENTS = 1000;

    private final Parser parser;
    private final Map<String, Client> parsed = LRUCacheFactory.newLRUCache(CACHED_AGENTS);

    private UserAgentEnrichment(Parser parser) {
        this.parser = parser;
    }

    /** The one instance: the parser compiles some thousand regexes once, then only reads them (thread-safe). */
    public static UserAgentEnrichment shared() {
        return Holder.INSTANCE;
    }

    @Override
    public void enrich(ObjectNode document) {
        JsonNode original = document.path("user_agent").path("original");
        if (!original.isTextual()) {
            return;
        }
        Client client = parsed.get(original.textValue());
        if (client == null) {
            try {
                client = parser.parse(original.textValue());
            } catch (RuntimeException e) {
                // a text the rules cannot read is no reason to hold an event back: it keeps user_agent.original only
                return;
            }
            parsed.put(original.textValue(), client);
        }
        ObjectNode agent = (ObjectNode) document.get("user_agent");
        UserAgent userAgent = client.userAgent;
        agent.put("name", userAgent == null || userAgent.family == null ? OTHER : userAgent.family);
        if (userAgent != null) {
            putIfPresent(agent, "version", version(userAgent.major, userAgent.minor, userAgent.patch, null));
        }
        OS os = client.os;
        if (os != null && os.family != null && !OTHER.equals(os.family)) {
            ObjectNode osNode = agent.putObject("os").put("name", os.family);
            String version = version(os.major, os.minor, os.patch, os.patchMinor);
            if (version != null) {
                osNode.put("version", version).put("full", os.family + " " + version);
            }
        }
        agent.putObject("device").put("name", client.device == null || client.device.family == null
                ? OTHER : client.device.family);
    }

    /** {@code major.minor.patch.build}, as far as the parts go; {@code null} without a major version. */
    private static String version(String major, String minor, String patch, String build) {
        if (major == null || major.isEmpty()) {
            return null;
        }
        StringBuilder version = new StringBuilder(major);
        for (String part : new String[] { minor, patch, build }) {
            if (part == null || part.isEmpty()) {
                break;
            }
            version.append('.').append(part);
        }
        return version.toString();
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static final class Holder {
        static final UserAgentEnrichment INSTANCE = new UserAgentEnrichment(new Parser());
    }
}
