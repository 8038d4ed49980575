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
package dev.slackaudit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /logs rejects what Slack rejects, with Slack's status codes and error bodies. */
class LogsValidationTest {

    private static final String INVALID_ACTION = "{\"ok\":false,\"error\":\"invalid_action\"}";

    private static SlackAuditLogsSimulator simulator;
    private static ApiClient client;
    private static List<String> knownActions;

    @BeforeAll
    static void start() {
        simulator = SlackAuditLogsSimulator.builder().events(300).build().start();
        client = new ApiClient(simulator, "xoxp-simulator");
        knownActions = new ArrayList<>();
        ApiClient.json(client.get("/actions").body()).get("actions").get("workspace_or_org")
                .forEach(action -> knownActions.add(action.asText()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void moreThanThirtyActionsIsInvalidAction() {
        HttpResponse<String> response = client.logs("action=" + String.join(",", knownActions.subList(0, 31)));

        assertEquals(400, response.statusCode());
        assertEquals(INVALID_ACTION, response.body());
    }

    @Test
    void thirtyActionsAreAccepted() {
        HttpResponse<String> response = client.logs("action=" + String.join(",", knownActions.subList(0, 30)));

        assertEquals(200, response.statusCode());
    }

    @Test
    void anActionMissingFromTheActionsCaptureIsInvalidAction() {
        HttpResponse<String> response = client.logs("action=user_login,no_such_action");

        assertEquals(400, response.statusCode());
        assertEquals(INVALID_ACTION, response.body());
    }

    @Test
    void limitZeroIsInvalidLimit() {
        assertInvalid("limit=0", "invalid_limit");
    }

    @Test
    void limitAboveNineThousandNineHundredNinetyNineIsInvalidLimit() {
        assertInvalid("limit=10000", "invalid_limit");
    }

    @Test
    void nonNumericLimitIsInvalidLimit() {
        assertInvalid("limit=ten", "invalid_limit");
    }

    @Test
    void limitNineThousandNineHundredNinetyNineServesEverything() {
        HttpResponse<String> response = client.logs("limit=9999");

        assertEquals(200, response.statusCode());
        assertEquals(300, ApiClient.ids(response).size());
    }

    @Test
    void missingLimitDefaultsToOneHundredPlusTheTiedSecond() {
        List<Long> seconds = simulator.eventJson().stream().map(j -> ApiClient.json(j).get("date_create").asLong())
                .collect(Collectors.toList());
        long edge = seconds.get(99);
        long expected = 100 + seconds.subList(100, seconds.size()).stream().takeWhile(s -> s == edge).count();

        HttpResponse<String> response = client.logs("");

        assertEquals(expected, ApiClient.ids(response).size());
    }

    @Test
    void nonIntegerOldestIsInvalidRange() {
        assertInvalid("oldest=yesterday", "invalid_range");
    }

    @Test
    void nonIntegerLatestIsInvalidRange() {
        assertInvalid("latest=1.5", "invalid_range");
    }

    @Test
    void oldestAfterLatestIsInvalidRange() {
        assertInvalid("oldest=1700000001&latest=1700000000", "invalid_range");
    }

    private static void assertInvalid(String query, String error) {
        HttpResponse<String> response = client.logs(query);

        assertEquals(400, response.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"" + error + "\"}", response.body());
    }
}
