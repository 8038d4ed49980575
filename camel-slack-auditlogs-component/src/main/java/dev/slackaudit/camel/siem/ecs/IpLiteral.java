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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Reads an IP address literal, and nothing else: {@link InetAddress#getByName} alone would look a host name up in DNS,
 * so a transform could block on the network for a field such as {@code "ip_address": "localhost"}.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address this text is the literal of, or {@code null} for anything else (empty, a name, {@code 1.23.45.678}). */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean literal = IPV4.matcher(text).matches() || text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!literal) {
            return null;
        }
        try {
            // a literal (checked above) is parsed in place: no name service is asked
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
