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

/**
 * The OCSF class and activity an event maps to.
 *
 * @param ocsfClass    the class
 * @param activityId   the activity, from the class's {@code activity_id} enum ({@code 99} Other when none fits)
 * @param activityName the activity's caption, or for Other the Slack action itself
 * @param failure      whether the action says it failed ({@code status_id} 2 Failure)
 */
record Classification(OcsfClass ocsfClass, int activityId, String activityName, boolean failure) {

    static final int OTHER = 99;

    long typeUid() {
        return ocsfClass.typeUid(activityId);
    }
}
