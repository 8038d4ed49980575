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
package dev.slackaudit.camel.consumer;

import java.util.Date;
import java.util.List;

import dev.slackaudit.camel.SlackAuditLogsConstants;
import dev.slackaudit.camel.model.AuditLogBatch;
import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;

/**
 * Fills the exchanges the consumer sends: one event with its headers, or a batch of a window's events with the
 * batch's headers and Camel's batch properties.
 */
final class EventExchanges {

    private EventExchanges() {
    }

    /** One event: the {@link AuditLogEntry} as body, its id, action, time, actor and entity as headers. */
    static void populate(Message message, AuditLogEntry event) {
        message.setBody(event);
        setIfPresent(message, SlackAuditLogsConstants.ID, event.getId());
        setIfPresent(message, SlackAuditLogsConstants.ACTION, event.getAction());
        message.setHeader(SlackAuditLogsConstants.DATE_CREATE, event.getDateCreate());
        message.setHeader(SlackAuditLogsConstants.TIMESTAMP, Date.from(event.getDateCreateInstant()));
        setIfPresent(message, SlackAuditLogsConstants.ACTOR_ID, event.getActorId());
        setIfPresent(message, SlackAuditLogsConstants.ENTITY_TYPE, event.getEntityType());
        setIfPresent(message, SlackAuditLogsConstants.ENTITY_ID, event.getEntityId());
        setIfPresent(message, SlackAuditLogsConstants.LOCATION_ID, event.getLocationId());
    }

    /**
     * A batch: the events as an {@link AuditLogBatch} body, the batch's size and bounds as headers, and the batch
     * properties a {@code BatchConsumer} sets, scoped to the window: its {@code index} among the window's
     * {@code batches}, and whether it is the window's last.
     */
    static void populate(Exchange exchange, List<AuditLogEntry> events, int index, int batches) {
        AuditLogEntry first = events.get(0);
        AuditLogEntry last = events.get(events.size() - 1);
        Message message = exchange.getIn();
        message.setBody(new AuditLogBatch(events));
        message.setHeader(SlackAuditLogsConstants.EVENT_COUNT, events.size());
        message.setHeader(SlackAuditLogsConstants.FIRST_DATE_CREATE, first.getDateCreate());
        message.setHeader(SlackAuditLogsConstants.LAST_DATE_CREATE, last.getDateCreate());
        setIfPresent(message, SlackAuditLogsConstants.FIRST_ID, first.getId());
        setIfPresent(message, SlackAuditLogsConstants.LAST_ID, last.getId());
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, batches);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == batches - 1);
    }

    /** The events of an exchange, for a message: the event, or the batch's bounds. */
    static String describe(List<AuditLogEntry> events) {
        AuditLogEntry first = events.get(0);
        if (events.size() == 1) {
            return "Event " + first.getDedupeKey() + " (" + first.getAction() + " at " + first.getDateCreateInstant() + ")";
        }
        AuditLogEntry last = events.get(events.size() - 1);
        return "The batch of " + events.size() + " events from " + first.getDedupeKey() + " at "
               + first.getDateCreateInstant() + " to " + last.getDedupeKey() + " at " + last.getDateCreateInstant();
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
