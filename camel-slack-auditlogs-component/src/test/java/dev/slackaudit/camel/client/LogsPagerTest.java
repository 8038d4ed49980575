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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * How a range's action groups are formed and merged. (Reading the pages goes through {@link SlackAuditLogsClient}, real
 * HTTP: the consumer and producer tests read them from the simulator.)
 */
class LogsPagerTest {

    @TempDir
    Path dir;

    private static List<String> actions(int count) {
        return IntStream.range(0, count).mapToObj(i -> "action_" + i).toList();
    }

    private static AuditLogEntry entry(String id, long dateCreate) {
        return AuditLogEntry.parse("{\"id\":\"" + id + "\",\"date_create\":" + dateCreate + ",\"action\":\"user_login\"}");
    }

    /** A group's spool holding one page, newest first as Slack sends it. */
    private PageSpool spool(AuditLogEntry... page) {
        PageSpool spool = new PageSpool(dir.resolve("spool"), 1);
        spool.add(List.of(page));
        return spool;
    }

    private static List<String> readBack(LogsPager.Range range) {
        List<String> ids = new ArrayList<>();
        range.oldestFirst().forEachRemaining(e -> ids.add(e.getDateCreate() + "/" + e.getId()));
        return ids;
    }

    @ParameterizedTest(name = "{0} actions: groups of {1}")
    @CsvSource({ "0, ''", "1, 1", "30, 30", "31, 30 1", "60, 30 30", "95, 30 30 30 5" })
    void readsAtMostThirtyActionsPerQuery(int actions, String groupSizes) {
        List<String> sizes = LogsPager.groups(actions(actions)).stream()
                .map(group -> Integer.toString(group.size())).toList();
        assertEquals(actions == 0 ? List.of("0") : List.of(groupSizes.split(" ")), sizes);
    }

    @Test
    void theGroupsKeepTheActionsInTheirOrder() {
        List<String> actions = actions(31);
        assertEquals(actions, LogsPager.groups(actions).stream().flatMap(List::stream).toList());
    }

    @Test
    void mergesTheGroupsOldestFirstBySecondThenKey() {
        try (LogsPager.Range range = new LogsPager.Range(List.of(
                spool(entry("d", 300), entry("b", 100)),
                spool(entry("e", 300), entry("c", 200), entry("a", 100))), true, 100)) {
            assertEquals(List.of("100/a", "100/b", "200/c", "300/d", "300/e"), readBack(range));
        }
    }

    @Test
    void anEventTwoGroupsShareComesOutOnce() {
        try (LogsPager.Range range = new LogsPager.Range(List.of(
                spool(entry("b", 200), entry("a", 100)),
                spool(entry("b", 200)),
                spool(entry("c", 300), entry("a", 100))), true, 100)) {
            assertEquals(List.of("100/a", "200/b", "300/c"), readBack(range));
            assertEquals(5, range.size(), "the size counts what was read, repeats included");
        }
    }

    @Test
    void closingTheRangeDeletesEverySpool() throws Exception {
        LogsPager.Range range = new LogsPager.Range(List.of(spool(entry("a", 1), entry("b", 1)),
                spool(entry("c", 2), entry("d", 2))), true, 1);
        range.close();
        try (var files = Files.list(dir.resolve("spool"))) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
