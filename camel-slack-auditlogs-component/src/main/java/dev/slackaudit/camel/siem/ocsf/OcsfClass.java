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
 * The OCSF event classes Slack audit events map to, with their ids and names as OCSF 1.8.0 defines them
 * ({@code class_uid = category_uid * 1000 + the class's uid within its category}).
 */
enum OcsfClass {

    AUTHENTICATION(3, 2, "Authentication"),
    ACCOUNT_CHANGE(3, 1, "Account Change"),
    ENTITY_MANAGEMENT(3, 4, "Entity Management"),
    GROUP_MANAGEMENT(3, 6, "Group Management"),
    FILE_HOSTING(6, 6, "File Hosting Activity"),
    API_ACTIVITY(6, 3, "API Activity"),
    DETECTION_FINDING(2, 4, "Detection Finding"),
    /** OCSF's generic class for events no other class fits; the last resort, as it requires nothing Slack may omit. */
    BASE_EVENT(0, 0, "Base Event");

    private final int categoryUid;
    private final int classUid;
    private final String className;

    OcsfClass(int categoryUid, int uidInCategory, String className) {
        this.categoryUid = categoryUid;
        this.classUid = categoryUid * 1000 + uidInCategory;
        this.className = className;
    }

    int categoryUid() {
        return categoryUid;
    }

    String categoryName() {
        return switch (categoryUid) {
            case 2 -> "Findings";
            case 3 -> "Identity & Access Management";
            case 6 -> "Application Activity";
            default -> "Uncategorized";
        };
    }

    int classUid() {
        return classUid;
    }

    String className() {
        return className;
    }

    /** OCSF's {@code type_uid}: {@code class_uid * 100 + activity_id}. */
    long typeUid(int activityId) {
        return classUid * 100L + activityId;
    }
}
