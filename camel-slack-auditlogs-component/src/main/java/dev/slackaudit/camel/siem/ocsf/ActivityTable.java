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
package dev.slackaudit.camel.siem.ocsf;

import java.util.Map;

/**
 * The activities of one OCSF class that Slack actions map to: the {@code activity_id} values of the class's enum with
 * their captions, which actions have which, and for classes with generic activities which {@link ActionVerb} has
 * which. An action it does not know gets {@code 99} Other, named after the action.
 */
record ActivityTable(Map<Integer, String> captions, Map<String, Integer> idOfAction, Map<ActionVerb, Integer> idOfVerb) {

    /** The activity of this action in this class. */
    Classification classify(OcsfClass ocsfClass, String action) {
        Integer id = action == null ? null : idOfAction.get(action);
        if (id == null) {
            id = idOfVerb.get(ActionVerb.of(action));
        }
        boolean failure = ActionVerb.saysFailure(action);
        if (id != null) {
            return new Classification(ocsfClass, id, captions.get(id), failure);
        }
        if (action == null || action.isBlank()) {
            return new Classification(ocsfClass, 0, "Unknown", failure);
        }
        return new Classification(ocsfClass, Classification.OTHER, action, failure);
    }
}
