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

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.siem.EventMapper;

/**
 * Maps a Slack audit event to an event of the Open Cybersecurity Schema Framework (OCSF) {@value #SCHEMA_VERSION}.
 * <p>
 * The action decides the class and activity ({@link ActionClassifier}); the event's fields fill the class's attributes
 * ({@link ClassAttributes}). An event that lacks what its class requires (no file name, no valid source IP address
 * where the class needs one, an unknown entity) falls back, in this order, to Entity Management, then API Activity,
 * then OCSF's Base Event, which requires nothing Slack may omit: every event gives a valid document. Every document
 * carries the event exactly as Slack sent it in {@code raw_data}, and every field no attribute took in
 * {@code unmapped}. docs/ocsf.md describes the mapping.
 * <p>
 * Written against the schema's definitions rather than Apache Camel's {@code camel-ocsf} model (Camel 4.18+): that
 * artifact does not resolve from the Maven repository this project builds with.
 */
public final class OcsfMapper implements EventMapper {

    /** The OCSF release the documents follow ({@code metadata.version}). */
    public static final String SCHEMA_VERSION = "1.8.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<OcsfClass> FALLBACKS
            = List.of(OcsfClass.ENTITY_MANAGEMENT, OcsfClass.API_ACTIVITY, OcsfClass.BASE_EVENT);
    private static final int SEVERITY_INFORMATIONAL = 1;
    private static final int SEVERITY_MEDIUM = 3;

    private final Clock clock;

    public OcsfMapper() {
        this(Clock.systemUTC());
    }

    /** A mapper that dates an event without a usable {@code date_create} by this clock. */
    OcsfMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ObjectNode map(AuditLogEntry entry) {
        String action = entry.getAction() == null || entry.getAction().isBlank() ? null : entry.getAction();
        Classification wanted = ActionClassifier.classify(action);
        for (OcsfClass ocsfClass : attempts(wanted.ocsfClass())) {
            Classification classification = ocsfClass == wanted.ocsfClass()
                    ? wanted : ActionClassifier.classifyAs(ocsfClass, action);
            // each attempt starts from the whole event, a tree of its own: a class that could not be filled took
            // nothing from the next attempt (the first attempt succeeds for nearly every event, so one parse)
            SlackFields fields = new SlackFields(entry.parseTree());
            ObjectNode document = header(classification, fields);
            if (ClassAttributes.add(ocsfClass, document, fields, entry, action)) {
                document.put("raw_data", entry.toJson());
                ObjectNode unmapped = fields.unmapped();
                if (unmapped != null) {
                    document.set("unmapped", unmapped);
                }
                return document;
            }
        }
        throw new IllegalStateException("The Base Event requires nothing an event may lack");
    }

    private static Set<OcsfClass> attempts(OcsfClass wanted) {
        Set<OcsfClass> attempts = new LinkedHashSet<>();
        attempts.add(wanted);
        attempts.addAll(FALLBACKS);
        return attempts;
    }

    /** What every class has: classification, status, time, severity and metadata. */
    private ObjectNode header(Classification classification, SlackFields fields) {
        OcsfClass ocsfClass = classification.ocsfClass();
        ObjectNode document = JSON.objectNode();
        document.put("class_uid", ocsfClass.classUid());
        document.put("class_name", ocsfClass.className());
        document.put("category_uid", ocsfClass.categoryUid());
        document.put("category_name", ocsfClass.categoryName());
        document.put("activity_id", classification.activityId());
        document.put("activity_name", classification.activityName());
        document.put("type_uid", classification.typeUid());
        document.put("type_name", ocsfClass.className() + ": " + classification.activityName());
        boolean finding = ocsfClass == OcsfClass.DETECTION_FINDING;
        document.put("severity_id", finding ? SEVERITY_MEDIUM : SEVERITY_INFORMATIONAL);
        document.put("severity", finding ? "Medium" : "Informational");
        if (finding) {
            // a finding's status is its review state: Slack reports new detections
            document.put("status_id", 1).put("status", "New");
        } else if (classification.failure()) {
            document.put("status_id", 2).put("status", "Failure");
        } else if (ocsfClass == OcsfClass.AUTHENTICATION) {
            // Slack logs failed log-ons as actions of their own, so user_login is a successful one
            document.put("status_id", 1).put("status", "Success");
        }
        ObjectNode metadata = JSON.objectNode();
        Long time = SlackTimes.secondsToMillis(fields.peek("date_create"));
        if (time != null) {
            fields.take("date_create");
            document.put("time", time);
        } else {
            // OCSF requires a time: an event Slack sent without one is dated when it was mapped, and says so
            long now = clock.millis();
            document.put("time", now);
            metadata.put("processed_time", now);
        }
        document.set("metadata", metadata);
        metadata.put("version", SCHEMA_VERSION);
        ObjectNode product = metadata.putObject("product");
        product.put("name", "Slack");
        product.put("vendor_name", "Slack");
        String uid = fields.takeText("id");
        if (uid != null) {
            metadata.put("uid", uid);
        }
        String action = fields.takeText("action");
        if (action != null) {
            metadata.put("event_code", action);
        }
        return document;
    }
}
