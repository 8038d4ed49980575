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
import java.util.stream.Stream;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages of a window, kept in memory or on disk, read back oldest first. */
class PageSpoolTest {

    @TempDir
    Path dir;

    private static AuditLogEntry entry(String id, long dateCreate) {
        return AuditLogEntry.parse("{\"id\":\"" + id + "\",\"date_create\":" + dateCreate
                                   + ",\"action\":\"user_login\",\"new_field\":{\"kept\":[1,2]}}");
    }

    /** Three pages newest first as Slack sends them; second 200 spans the first two pages, and one entry repeats. */
    private static List<List<AuditLogEntry>> pages() {
        return List.of(
                List.of(entry("k", 300), entry("j", 300), entry("d", 200)),
                List.of(entry("c", 200), entry("d", 200), entry("b", 200), entry("x", 150)),
                List.of(entry("m", 100), entry("a", 100)));
    }

    private static List<String> readBack(PageSpool spool) {
        List<String> ids = new ArrayList<>();
        spool.oldestFirst().forEachRemaining(e -> ids.add(e.getDateCreate() + "/" + e.getId()));
        return ids;
    }

    @Test
    void readsPagesBackOldestFirstBySecondThenKeyWithRepeatsOnce() {
        Path spoolDirectory = dir.resolve("spool");
        try (PageSpool spool = new PageSpool(spoolDirectory, 1_000)) {
            pages().forEach(spool::add);
            assertFalse(Files.exists(spoolDirectory), "within its memory budget the spool touches no disk");
            assertEquals(List.of("100/a", "100/m", "150/x", "200/b", "200/c", "200/d", "300/j", "300/k"), readBack(spool));
        }
    }

    @Test
    void readsTheSameFromDiskOnceTheMemoryBudgetIsPassed() {
        Path spoolDirectory = dir.resolve("spool");
        try (PageSpool spool = new PageSpool(spoolDirectory, 4)) {
            pages().forEach(spool::add);
            assertTrue(Files.isDirectory(spoolDirectory), "past its memory budget the spool makes its file there");
            assertEquals(List.of("100/a", "100/m", "150/x", "200/b", "200/c", "200/d", "300/j", "300/k"), readBack(spool));
        }
    }

    @Test
    void keepsEachEntryExactlyAsSlackSentIt() {
        try (PageSpool spool = new PageSpool(dir, 1)) {
            pages().forEach(spool::add);
            AuditLogEntry first = spool.oldestFirst().next();
            assertEquals(entry("a", 100).toJson(), first.toJson());
        }
    }

    @Test
    void leavesNoFileBehind() throws Exception {
        PageSpool spool = new PageSpool(dir, 1);
        pages().forEach(spool::add);
        readBack(spool);
        spool.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void countsEntriesAndKnowsTheOldestSecond() {
        try (PageSpool spool = new PageSpool(dir, 1_000)) {
            pages().forEach(spool::add);
            assertEquals(9, spool.size());
            assertEquals(100, spool.oldestDate());
        }
    }
}
