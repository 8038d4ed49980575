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
package dev.slackaudit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a contender delivered every event exactly once.
 *
 * @param missing    ids served but never delivered
 * @param duplicates deliveries beyond the first of an id
 * @param unexpected ids delivered that the simulator does not serve
 */
record IdCheck(int missing, int duplicates, int unexpected) {

    boolean exactlyOnce() {
        return missing == 0 && duplicates == 0 && unexpected == 0;
    }

    static IdCheck of(List<String> served, Path deliveredIds) throws IOException {
        Map<String, Integer> delivered = new HashMap<>();
        for (String id : Files.readAllLines(deliveredIds)) {
            delivered.merge(id, 1, Integer::sum);
        }
        Set<String> expected = new HashSet<>(served);
        int missing = 0;
        for (String id : expected) {
            if (!delivered.containsKey(id)) {
                missing++;
            }
        }
        int duplicates = delivered.values().stream().mapToInt(count -> count - 1).sum();
        int unexpected = (int) delivered.keySet().stream().filter(id -> !expected.contains(id)).count();
        return new IdCheck(missing, duplicates, unexpected);
    }
}
