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

import java.util.HashMap;
import java.util.Map;

/**
 * The fewest pages a range takes: what the raw cursor loop needs for it, asked of the simulator itself. Counting
 * events and dividing by the limit is not enough, because Slack (and the simulator) never split a second across
 * pages, so a page may hold more than {@code limit} events. Results are cached: every round asks for the same ranges.
 */
final class PageCounter {

    private final String baseUrl;
    private final String token;
    private final Map<String, Long> pagesByRange = new HashMap<>();

    PageCounter(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Pages of {@code oldest..latest} at {@code limit}; sends requests, so call it after reading the request log. */
    long pages(long oldest, long latest, int limit) {
        return pagesByRange.computeIfAbsent(oldest + ".." + latest + "@" + limit, range -> {
            try (RawHttpContender raw = new RawHttpContender()) {
                raw.prepare(new DrainTarget(baseUrl, token, oldest, latest, limit, 0, ""), new JsonSink(false));
                raw.drain();
                return raw.requests();
            } catch (Exception e) {
                throw new IllegalStateException("cannot count the pages of " + range, e);
            }
        });
    }
}
