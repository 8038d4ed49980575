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
package dev.slackaudit.examples;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentIdsFileRepositoryTest {

    @TempDir
    Path directory;

    @Test
    void remembersTheIdsOfAPreviousRun() {
        RecentIdsFileRepository first = started(10);
        first.add("a");
        first.add("b");
        first.stop();

        RecentIdsFileRepository second = started(10);

        assertTrue(second.contains("a"));
        assertTrue(second.contains("b"));
        assertFalse(second.contains("c"));
    }

    @Test
    void addingAnIdItRemembersReportsItAsNotNew() {
        RecentIdsFileRepository repository = started(10);

        assertTrue(repository.add("a"));
        assertFalse(repository.add("a"));
    }

    @Test
    void forgetsTheOldestIdsBeyondItsCapacity() {
        RecentIdsFileRepository first = started(2);
        first.add("a");
        first.add("b");
        first.add("c");
        first.stop();

        RecentIdsFileRepository second = started(2);

        assertFalse(second.contains("a"));
        assertTrue(second.contains("b"));
        assertTrue(second.contains("c"));
    }

    @Test
    void staysCorrectAfterTheFileIsCompactedWhileRunning() {
        RecentIdsFileRepository first = started(2);
        for (String id : new String[] {"a", "b", "c", "d", "e"}) {
            first.add(id);
        }
        first.stop();

        RecentIdsFileRepository second = started(2);

        assertFalse(second.contains("c"));
        assertTrue(second.contains("d"));
        assertTrue(second.contains("e"));
    }

    @Test
    void anIdRemovedAfterAFailedWriteIsForgottenAfterARestart() {
        RecentIdsFileRepository first = started(10);
        first.add("a");
        first.add("b");
        first.remove("a");
        first.stop();

        RecentIdsFileRepository second = started(10);

        assertFalse(second.contains("a"));
        assertTrue(second.contains("b"));
    }

    private RecentIdsFileRepository started(int capacity) {
        RecentIdsFileRepository repository = new RecentIdsFileRepository(directory.resolve("ids.txt"), capacity);
        repository.start();
        return repository;
    }
}
