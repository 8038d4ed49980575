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
package dev.slackaudit.camel.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The root of the Audit Logs API the client talks to, as the user typed it (the {@code baseUrl} option), checked before
 * the token is ever sent there: an absolute http(s) URL, and plain http only to a loopback host (a simulator, a local
 * proxy) unless the user allows it.
 */
public final class BaseUrl {

    /** Slack's own API root. */
    public static final String SLACK = "https://api.slack.com/audit/v1";

    private BaseUrl() {
    }

    /**
     * The URL {@code value} stands for.
     *
     * @param  allowInsecureHttp        whether plain http may go to a host that is not loopback
     * @throws IllegalArgumentException naming the baseUrl option, the value and what it accepts
     */
    public static URI check(String value, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.trim());
        } catch (URISyntaxException e) {
            throw invalid(value, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw invalid(value, "it must be an absolute http(s) URL");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Invalid baseUrl '" + value + "': plain http would send the Slack token"
                                               + " unencrypted to " + uri.getHost() + "; use https, or set"
                                               + " allowInsecureHttp=true if the network is trusted");
        }
        return uri;
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("Invalid baseUrl '" + value + "': " + why + ", e.g. " + SLACK);
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // only literal addresses: never resolve a name here (no DNS lookups while validating options)
            return (host.matches("[0-9.]+") || host.startsWith("[")) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
