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
package dev.slackaudit.camel.kafka.testing;

import java.util.List;

import dev.slackaudit.camel.model.AuditLogEntry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * Turns a batch of events into one message per event, keyed by the event id, for camel-kafka's producer: it sends
 * every message of a list body as a record of its own (with the message's key), then waits for the acknowledgements.
 * The plain, not transactional, route the tests and the benchmark compare {@code ExactlyOnceKafka} with.
 */
public final class KeyedRecords implements Processor {

    @Override
    public void process(Exchange exchange) {
        List<?> events = exchange.getIn().getBody(List.class);
        exchange.getIn().setBody(events.stream().map(AuditLogEntry.class::cast).map(event -> {
            Message record = new DefaultMessage(exchange.getContext());
            record.setHeader(KafkaConstants.KEY, event.getDedupeKey());
            record.setBody(event.toJson());
            return record;
        }).toList());
    }
}
