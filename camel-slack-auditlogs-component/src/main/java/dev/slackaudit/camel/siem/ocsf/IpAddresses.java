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
package dev.slackaudit.camel.siem.ocsf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Tells an IP address literal from anything else Slack may put in {@code ip_address}: an empty string, a made-up
 * address such as {@code 1.23.45.678} (Slack's own documentation uses those), a host name.
 * <p>
 * Hand-written because {@link InetAddress#getByName} resolves whatever is not a literal through DNS, which a mapping
 * must never do: an IPv4 address is matched here, and only text of IPv6 characters that starts with a hex digit or
 * a colon and has a colon reaches {@code InetAddress}, which takes such text as a literal and never looks it up.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** Whether the text is an IPv4 or IPv6 address literal (no zone, no brackets, no surrounding spaces). */
    static boolean isLiteral(String text) {
        if (text == null || text.length() > 39) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
