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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.slackaudit.camel.siem.SlackActionCategories;
import dev.slackaudit.camel.testing.EcsTestData;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every action of Slack's /actions listing gets an ECS categorization, and every value is one ECS 9.4.0 allows: the
 * allowed values are read from ECS's own schema file ({@code ecs-schema/event.yml}), not from our code.
 */
class EcsCategorizationTest {

    /** Elastic's pipeline gives file_downloaded_blocked the type denied, which ECS does not expect with file. */
    private static final Map<String, String> UNEXPECTED_TYPES_KEPT_FROM_ELASTIC = Map.of("file_downloaded_blocked", "denied");

    private static final EcsSchema ECS = EcsSchema.load();

    @Test
    void everyValueOfEveryActionIsOneEcsAllows() {
        for (String action : SlackActionCategories.actions().keySet()) {
            EcsCategorization categorization = EcsCategories.of(action);
            assertTrue(ECS.kinds.contains(categorization.kind()), action + ": event.kind " + categorization.kind());
            for (String category : categorization.categories()) {
                assertTrue(ECS.expectedTypes.containsKey(category), action + ": event.category " + category);
            }
            for (String type : categorization.types()) {
                assertTrue(ECS.types.contains(type), action + ": event.type " + type);
            }
            if (categorization.outcome() != null) {
                assertTrue(ECS.outcomes.contains(categorization.outcome()), action + ": " + categorization.outcome());
            }
        }
    }

    @Test
    void everyTypeIsOneEcsExpectsWithOneOfTheEventsCategoriesSaveOneListedElasticValue() {
        List<String> unexpected = new ArrayList<>();
        for (String action : SlackActionCategories.actions().keySet()) {
            EcsCategorization categorization = EcsCategories.of(action);
            for (String type : categorization.types()) {
                boolean expected = categorization.categories().stream()
                        .anyMatch(category -> ECS.expectedTypes.get(category).contains(type));
                if (!expected) {
                    unexpected.add(action + ":" + type);
                }
            }
        }
        assertEquals(UNEXPECTED_TYPES_KEPT_FROM_ELASTIC.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .toList(), unexpected);
    }

    @Test
    void everyActionOfEveryCategoryOfTheListingHasAnEcsCategory() {
        Set<String> uncategorized = new java.util.TreeSet<>();
        SlackActionCategories.actions().forEach((action, category) -> {
            if (EcsCategories.of(action).categories().isEmpty()) {
                uncategorized.add(category + "/" + action);
            }
        });
        assertEquals(Set.of(), uncategorized);
        // an action listed under two categories takes its first, so some categories are only seen in the listing
        EcsTestData.json(EcsTestData.resource("/dev/slackaudit/camel/siem/actions.json")).path("actions").fieldNames()
                .forEachRemaining(category -> assertTrue(EcsCategories.categorizes(category), category));
    }

    @Test
    void ourCategoryTableHasTheSameTypesEcsExpects() {
        EcsCategorization.EXPECTED_TYPES.forEach((category, types) ->
                assertEquals(ECS.expectedTypes.get(category), types, category));
    }

    @Test
    void anAnomalyIsAnAlertWithACategory() {
        EcsCategorization anomaly = EcsCategories.of("anomaly");
        assertEquals("alert", anomaly.kind());
        assertEquals(List.of("intrusion_detection"), anomaly.categories());
        assertEquals(List.of("info"), anomaly.types());
    }

    @Test
    void actionsThatSayTheyFailedOrWereBlockedHaveTheOutcomeFailure() {
        assertEquals("failure", EcsCategories.of("user_login_failed").outcome());
        assertEquals("failure", EcsCategories.of("file_downloaded_blocked").outcome());
        assertEquals("failure", EcsCategories.of("file_upload_blocked_by_type").outcome());
        assertEquals("failure", EcsCategories.of("contacts_import_failed").outcome());
        assertEquals("success", EcsCategories.of("user_login").outcome());
        assertNull(EcsCategories.of("file_uploaded").outcome(), "an action that says nothing of its outcome");
    }

    @Test
    void theTypeComesFromTheActionsVerbWhereTheCategoryAllowsIt() {
        assertEquals(List.of("creation"), EcsCategories.of("public_channel_created").types());
        assertEquals(List.of("deletion"), EcsCategories.of("canvas_deleted").types());
        assertEquals(List.of("access"), EcsCategories.of("list_downloaded").types());
        assertEquals(List.of("start"), EcsCategories.of("huddle_started").types());
        assertEquals(List.of("end"), EcsCategories.of("huddle_participant_left").types());
        assertEquals(List.of("change", "user"), EcsCategories.of("user_profile_updated").types());
        assertEquals(List.of("change", "group"), EcsCategories.of("usergroup_updated").types());
        // web expects no creation: a message event that is neither access nor error is info
        assertEquals(List.of("info"), EcsCategories.of("message_flagged").types());
    }

    @Test
    void anActionTheListingDoesNotHaveIsAnEventOfTypeInfoAsInElasticsPipeline() {
        EcsCategorization unknown = EcsCategories.of("something_new_happened");
        assertEquals("event", unknown.kind());
        assertFalse(unknown.types().isEmpty());
        assertEquals(List.of(), unknown.categories());
        assertEquals(List.of("info"), unknown.types());
    }

    /** The allowed values of ECS's event fields, from its schema file. */
    private record EcsSchema(Set<String> kinds, Map<String, Set<String>> expectedTypes, Set<String> types,
                             Set<String> outcomes) {

        @SuppressWarnings("unchecked")
        static EcsSchema load() {
            List<Map<String, Object>> fieldSets = new Yaml(new LoaderOptions())
                    .load(EcsTestData.resource("/ecs/ecs-schema/event.yml"));
            Map<String, List<Map<String, Object>>> allowed = new HashMap<>();
            for (Map<String, Object> field : (List<Map<String, Object>>) fieldSets.get(0).get("fields")) {
                if (field.containsKey("allowed_values")) {
                    allowed.put((String) field.get("name"), (List<Map<String, Object>>) field.get("allowed_values"));
                }
            }
            Map<String, Set<String>> expected = new HashMap<>();
            for (Map<String, Object> category : allowed.get("category")) {
                expected.put((String) category.get("name"),
                        Set.copyOf((List<String>) category.get("expected_event_types")));
            }
            return new EcsSchema(names(allowed.get("kind")), expected, names(allowed.get("type")),
                    names(allowed.get("outcome")));
        }

        private static Set<String> names(List<Map<String, Object>> values) {
            Set<String> names = new java.util.HashSet<>();
            values.forEach(value -> names.add((String) value.get("name")));
            return names;
        }
    }
}
