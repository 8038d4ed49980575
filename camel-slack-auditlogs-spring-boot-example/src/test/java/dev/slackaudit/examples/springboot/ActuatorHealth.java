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
package dev.slackaudit.examples.springboot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** One answer of GET /actuator/health, as an operator's probe or dashboard sees it. */
record ActuatorHealth(String body, JsonNode json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ActuatorHealth fetch(TestRestTemplate http) throws JsonProcessingException {
        // a DOWN application answers 503; the body is the same JSON
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        return new ActuatorHealth(response.getBody(), MAPPER.readTree(response.getBody()));
    }

    /** UP or DOWN, as Camel's health indicator reports the route's consumer check. */
    String consumerState() {
        return json.path("components").path("camelHealth").path("details")
                .path("consumer:" + AuditLogsToJsonLinesRoute.ROUTE_ID).asText();
    }
}
