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

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;

/**
 * Adds the attributes of an event's OCSF class to its document: who acted and from where, and the class's target
 * (the user, file, group or entity acted on, or the finding).
 * <p>
 * Returns {@code false} when the event lacks what the class requires (a File Hosting event needs a file with a name
 * and the source IP address, for example); the caller then maps the event to the next class of the fallback chain,
 * with fields that were not taken yet.
 */
final class ClassAttributes {

    private ClassAttributes() {
    }

    static boolean add(OcsfClass ocsfClass, ObjectNode document, SlackFields fields, AuditLogEntry entry,
                       String action) {
        return switch (ocsfClass) {
            case AUTHENTICATION -> authentication(document, fields);
            case ACCOUNT_CHANGE -> iam(document, fields, "user", accountChangeUser(fields));
            case GROUP_MANAGEMENT -> iam(document, fields, "group", OcsfObjects.entityGroup(fields));
            case ENTITY_MANAGEMENT -> iam(document, fields, "entity", OcsfObjects.managedEntity(fields));
            case FILE_HOSTING -> fileHosting(document, fields);
            case API_ACTIVITY -> apiActivity(document, fields, action);
            case DETECTION_FINDING -> detectionFinding(document, fields, entry, action);
            case BASE_EVENT -> true;
        };
    }

    /** The subject of a log on or log off is the user entity, or else the actor; Slack is the service logged on to. */
    private static boolean authentication(ObjectNode document, SlackFields fields) {
        ObjectNode actor = OcsfObjects.actor(fields);
        ObjectNode user = OcsfObjects.entityUser(fields);
        if (user == null && actor != null && actor.has("user")) {
            user = actor.get("user").deepCopy();
        }
        if (user == null) {
            return false;
        }
        addSource(document, fields, actor);
        document.set("user", user);
        // OCSF asks for the service or the destination endpoint of an authentication
        document.putObject("service").put("name", "Slack");
        return true;
    }

    /** The account changed: the user entity, or for a role given to a user the user id the details name. */
    private static ObjectNode accountChangeUser(SlackFields fields) {
        ObjectNode user = OcsfObjects.entityUser(fields);
        String targetUser = user == null ? fields.takeText("details", "target_user") : null;
        if (targetUser != null) {
            user = JsonNodeFactory.instance.objectNode().put("uid", targetUser);
        }
        return user;
    }

    /** An IAM class: optional actor, source and user agent, and its required target. */
    private static boolean iam(ObjectNode document, SlackFields fields, String targetAttribute, ObjectNode target) {
        if (target == null) {
            return false;
        }
        addSource(document, fields, OcsfObjects.actor(fields));
        document.set(targetAttribute, target);
        return true;
    }

    private static boolean fileHosting(ObjectNode document, SlackFields fields) {
        ObjectNode file = OcsfObjects.entityFile(fields);
        if (file == null || !addRequiredSource(document, fields)) {
            return false;
        }
        document.set("file", file);
        return true;
    }

    /** The fallback for unknown actions: the action is the API operation, the entity the resource. */
    private static boolean apiActivity(ObjectNode document, SlackFields fields, String action) {
        if (action == null || !addRequiredSource(document, fields)) {
            return false;
        }
        document.putObject("api").put("operation", action);
        addResource(document, fields);
        return true;
    }

    /**
     * A detection by Slack ({@code anomaly}, malicious content): the finding is the event itself; what was seen
     * (who, from which address and client, and for an anomaly the address and client before) is its evidence.
     */
    private static boolean detectionFinding(ObjectNode document, SlackFields fields, AuditLogEntry entry,
                                            String action) {
        ObjectNode findingInfo = document.putObject("finding_info");
        findingInfo.put("uid", entry.getId() != null && !entry.getId().isBlank() ? entry.getId() : entry.getDedupeKey());
        // only a listed action is classified as a detection, so there is one
        ArrayNode reasons = reasons(fields);
        findingInfo.put("title", reasons == null ? action : action + ": " + String.join(", ", texts(reasons)));
        if (reasons != null) {
            findingInfo.set("types", reasons);
        }
        Long actionTime = SlackTimes.epochMillis(fields.peek("details", "action_timestamp"));
        if (actionTime != null) {
            // the time of the action found anomalous; the event's time is when Slack reported it
            fields.take("details", "action_timestamp");
            document.put("start_time", actionTime);
        }
        ArrayNode evidences = document.putArray("evidences");
        addEvidence(evidences, OcsfObjects.actor(fields), fields, "context", "ip_address", "context", "ua");
        addEvidence(evidences, null, fields, "details", "previous_ip_address", "details", "previous_ua");
        if (evidences.isEmpty()) {
            document.remove("evidences");
        }
        addResource(document, fields);
        document.put("is_alert", true);
        return true;
    }

    private static void addEvidence(ArrayNode evidences, ObjectNode actor, SlackFields fields, String ipParent,
                                    String ipField, String uaParent, String uaField) {
        ObjectNode source = OcsfObjects.endpoint(fields, ipParent, ipField);
        // an evidence needs an actor or an endpoint, among others; a user agent alone is not one
        if (actor == null && source == null) {
            return;
        }
        ObjectNode evidence = evidences.addObject();
        setIfNotNull(evidence, "actor", actor);
        setIfNotNull(evidence, "src_endpoint", source);
        setIfNotNull(evidence, "http_request", OcsfObjects.httpRequest(fields, uaParent, uaField));
    }

    /** The anomaly's reason codes ({@code details.reason}: an array of strings, or one string), taken; else null. */
    private static ArrayNode reasons(SlackFields fields) {
        JsonNode reason = fields.peek("details", "reason");
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        if (reason.isArray()) {
            for (JsonNode code : reason) {
                if (!code.isTextual()) {
                    return null;
                }
                answer.add(code.textValue());
            }
        } else if (reason.isTextual() && !reason.textValue().isBlank()) {
            answer.add(reason.textValue());
        }
        if (answer.isEmpty()) {
            return null;
        }
        fields.take("details", "reason");
        return answer;
    }

    private static Iterable<String> texts(ArrayNode array) {
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(node -> texts.add(node.textValue()));
        return texts;
    }

    /** Actor and source IP address, which the class requires, and the user agent; false without actor or address. */
    private static boolean addRequiredSource(ObjectNode document, SlackFields fields) {
        ObjectNode actor = OcsfObjects.actor(fields);
        ObjectNode source = OcsfObjects.endpoint(fields, "context", "ip_address");
        if (actor == null || source == null) {
            return false;
        }
        document.set("actor", actor);
        document.set("src_endpoint", source);
        setIfNotNull(document, "http_request", OcsfObjects.httpRequest(fields, "context", "ua"));
        return true;
    }

    /** Actor, source IP address and user agent, each if the event has it. */
    private static void addSource(ObjectNode document, SlackFields fields, ObjectNode actor) {
        setIfNotNull(document, "actor", actor);
        setIfNotNull(document, "src_endpoint", OcsfObjects.endpoint(fields, "context", "ip_address"));
        setIfNotNull(document, "http_request", OcsfObjects.httpRequest(fields, "context", "ua"));
    }

    private static void addResource(ObjectNode document, SlackFields fields) {
        ObjectNode resource = OcsfObjects.resource(fields);
        if (resource != null) {
            document.putArray("resources").add(resource);
        }
    }

    private static void setIfNotNull(ObjectNode target, String attribute, ObjectNode value) {
        if (value != null) {
            target.set(attribute, value);
        }
    }
}
