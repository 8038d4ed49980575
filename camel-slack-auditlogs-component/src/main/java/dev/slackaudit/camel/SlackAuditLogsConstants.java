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
package dev.slackaudit.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code slack-auditlogs} component. */
public final class SlackAuditLogsConstants {

    @Metadata(label = "consumer", description = "The event id (Slack's `id`); use it to deduplicate or as a document id.",
              javaType = "String")
    public static final String ID = "CamelSlackAuditLogsId";
    @Metadata(label = "consumer", description = "The event's action, e.g. `user_login`.", javaType = "String")
    public static final String ACTION = "CamelSlackAuditLogsAction";
    @Metadata(label = "consumer", description = "When the event happened (`date_create`), in Unix seconds.",
              javaType = "long")
    public static final String DATE_CREATE = "CamelSlackAuditLogsDateCreate";
    @Metadata(label = "consumer", description = "When the event happened, as a `java.util.Date`, for Camel's date"
                                                + " functions, e.g. `${date:header.CamelSlackAuditLogsTimestamp:yyyy/MM/dd}`"
                                                + " (they read a number as milliseconds, so they cannot use"
                                                + " `CamelSlackAuditLogsDateCreate`).",
              javaType = "java.util.Date")
    public static final String TIMESTAMP = "CamelSlackAuditLogsTimestamp";
    @Metadata(label = "consumer", description = "The acting user's id (`actor.user.id`).", javaType = "String")
    public static final String ACTOR_ID = "CamelSlackAuditLogsActorId";
    @Metadata(label = "consumer", description = "The entity type (`entity.type`), e.g. `user`, `channel`, `file`.",
              javaType = "String")
    public static final String ENTITY_TYPE = "CamelSlackAuditLogsEntityType";
    @Metadata(label = "consumer", description = "The entity's id, e.g. the channel id of a channel event.",
              javaType = "String")
    public static final String ENTITY_ID = "CamelSlackAuditLogsEntityId";
    @Metadata(label = "consumer", description = "The workspace or organization the event happened in"
                                                + " (`context.location.id`).",
              javaType = "String")
    public static final String LOCATION_ID = "CamelSlackAuditLogsLocationId";

    @Metadata(label = "consumer", description = "With `batchSize`: how many events the batch holds (1 to `batchSize`).",
              javaType = "int")
    public static final String EVENT_COUNT = "CamelSlackAuditLogsEventCount";
    @Metadata(label = "consumer", description = "With `batchSize`: the `date_create` of the batch's first (oldest) event,"
                                                + " in Unix seconds.",
              javaType = "long")
    public static final String FIRST_DATE_CREATE = "CamelSlackAuditLogsFirstDateCreate";
    @Metadata(label = "consumer", description = "With `batchSize`: the `date_create` of the batch's last (newest) event,"
                                                + " in Unix seconds.",
              javaType = "long")
    public static final String LAST_DATE_CREATE = "CamelSlackAuditLogsLastDateCreate";
    @Metadata(label = "consumer", description = "With `batchSize`: the id of the batch's first event; with"
                                                + " `CamelSlackAuditLogsFirstDateCreate` it names a batch uniquely, e.g."
                                                + " as an object key that sorts by time.",
              javaType = "String")
    public static final String FIRST_ID = "CamelSlackAuditLogsFirstId";
    @Metadata(label = "consumer", description = "With `batchSize`: the id of the batch's last event.", javaType = "String")
    public static final String LAST_ID = "CamelSlackAuditLogsLastId";

    @Metadata(label = "producer", description = "Lower bound of a `logs` query for this call: Unix seconds (a number),"
                                                + " an `Instant`, or text in the forms the `oldest` option takes.",
              javaType = "Object")
    public static final String OLDEST = "CamelSlackAuditLogsOldest";
    @Metadata(label = "producer", description = "Upper bound (inclusive) of a `logs` query for this call, in the forms"
                                                + " `CamelSlackAuditLogsOldest` takes.",
              javaType = "Object")
    public static final String LATEST = "CamelSlackAuditLogsLatest";
    @Metadata(label = "producer", description = "Comma-separated action names that replace the endpoint's `action`"
                                                + " filter for one `logs` query. A header of its own, so an event"
                                                + " consumed from this component never filters a query by accident.",
              javaType = "String")
    public static final String ACTION_FILTER = "CamelSlackAuditLogsActionFilter";
    @Metadata(label = "producer", description = "Actor (user id) filter of a `logs` query for this call.",
              javaType = "String")
    public static final String ACTOR = "CamelSlackAuditLogsActor";
    @Metadata(label = "producer", description = "Entity id filter of a `logs` query for this call.", javaType = "String")
    public static final String ENTITY = "CamelSlackAuditLogsEntity";

    private SlackAuditLogsConstants() {
    }
}
