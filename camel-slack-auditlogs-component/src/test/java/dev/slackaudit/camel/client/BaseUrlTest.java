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

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baseUrl option, checked before the token is sent there: absolute http(s), plain http only to loopback. */
class BaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://api.slack.com/audit/v1         | https://api.slack.com/audit/v1",
            "'  https://api.slack.com/audit/v1  '   | https://api.slack.com/audit/v1",
            "HTTPS://api.slack-gov.com/audit/v1     | HTTPS://api.slack-gov.com/audit/v1",
            "http://localhost:8099/audit/v1         | http://localhost:8099/audit/v1",
            "http://LOCALHOST/audit/v1              | http://LOCALHOST/audit/v1",
            "http://127.0.0.1:8099/audit/v1         | http://127.0.0.1:8099/audit/v1",
            "http://127.0.0.2/audit/v1              | http://127.0.0.2/audit/v1",
            "http://[::1]:8099/audit/v1             | http://[::1]:8099/audit/v1"
    })
    void acceptsHttpsAnywhereAndPlainHttpToLoopback(String typed, URI url) {
        assertEquals(url, BaseUrl.check(typed, false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://proxy.example.com/audit/v1", "http://10.0.0.1/audit/v1", "http://[::2]/audit/v1",
            "http://localhost.example.com/audit/v1", "http://127.0.0.1.example.com/audit/v1" })
    void refusesPlainHttpToAnyOtherHostNamingTheHostAndTheWayOut(String typed) {
        String host = URI.create(typed).getHost();
        assertEquals("Invalid baseUrl '" + typed + "': plain http would send the Slack token unencrypted to " + host
                     + "; use https, or set allowInsecureHttp=true if the network is trusted",
                     assertThrows(IllegalArgumentException.class, () -> BaseUrl.check(typed, false)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "http://proxy.example.com/audit/v1", "http://10.0.0.1/audit/v1" })
    void acceptsPlainHttpToAnyHostWhenInsecureHttpIsAllowed(String typed) {
        assertEquals(URI.create(typed), BaseUrl.check(typed, true));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = { "", "api.slack.com/audit/v1", "/audit/v1", "ftp://api.slack.com/audit/v1", "https:///audit/v1",
            "mailto:audit@example.com" })
    void refusesWhatIsNotAnAbsoluteHttpUrl(String typed) {
        assertEquals("Invalid baseUrl '" + typed + "': it must be an absolute http(s) URL, e.g. https://api.slack.com/audit/v1",
                     assertThrows(IllegalArgumentException.class, () -> BaseUrl.check(typed, true)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "https://api slack.com/audit/v1", "https://api.slack.com/audit/v1?x=^" })
    void refusesTextThatIsNoUrlSayingWhere(String typed) {
        String message = assertThrows(IllegalArgumentException.class, () -> BaseUrl.check(typed, false)).getMessage();
        assertTrue(message.startsWith("Invalid baseUrl '" + typed + "': Illegal character in "), message);
    }
}
