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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slackaudit.camel.testing.SimulatorTestSupport;
import dev.slackaudit.simulator.SlackAuditLogsSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's smallest route: audit events to a JSON Lines file, with no user code. */
class FileSinkRouteTest extends SimulatorTestSupport {

    @TempDir
    Path out;

    @Override
    protected SlackAuditLogsSimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().seed(5).events(700);
    }

    @Test
    void writesOneJsonLinePerEvent() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(logsUri("windowSize=P2D"))
                        .to("file:" + out + "?fileName=audit.jsonl&fileExist=Append&appendChars=\\n");
            }
        });
        Path file = out.resolve("audit.jsonl");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(file) && Files.readAllLines(file).size() == simulator.eventCount());

        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ids.add(mapper.readTree(line).path("id").asText());
        }
        assertEquals(expectedIdsOldestFirst(), ids);
    }
}
