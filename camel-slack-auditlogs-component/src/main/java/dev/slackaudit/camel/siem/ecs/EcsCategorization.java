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
package dev.slackaudit.camel.siem.ecs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ECS categorization: {@code event.kind}, {@code event.category}, {@code event.type} and, where the action says
 * it, {@code event.outcome}. Values are ECS's allowed values only; docs/ecs.md has the tables.
 */
record EcsCategorization(String kind, List<String> categories, List<String> types, String outcome) {

    /** The {@code event.type}s ECS expects with each {@code event.category} this mapping uses (ECS 9.4.0). */
    static final Map<String, Set<String>> EXPECTED_TYPES = Map.of(
            "authentication", Set.of("start", "end", "info"),
            "configuration", Set.of("access", "change", "creation", "deletion", "info"),
            "file", Set.of("access", "change", "creation", "deletion", "info"),
            "iam", Set.of("admin", "change", "creation", "deletion", "group", "info", "user"),
            "intrusion_detection", Set.of("allowed", "denied", "info"),
            "malware", Set.of("info"),
            "package", Set.of("access", "change", "deletion", "info", "installation", "start"),
            "session", Set.of("start", "end", "info"),
            "web", Set.of("access", "error", "info"));

    /** What an event of an action no table knows gets, as Elastic's pipeline does: an event of type info. */
    static final EcsCategorization UNKNOWN = new EcsCategorization("event", List.of(), List.of("info"), null);

    static EcsCategorization event(List<String> categories, List<String> types) {
        return new EcsCategorization("event", categories, types, null);
    }

    EcsCategorization withOutcome(String newOutcome) {
        return new EcsCategorization(kind, categories, types, newOutcome);
    }
}
