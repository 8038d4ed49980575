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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.slackaudit.camel.client.LogsPager;
import dev.slackaudit.camel.client.LogsQuery;
import dev.slackaudit.camel.client.PageSpool;
import dev.slackaudit.camel.model.AuditLogEntry;
import dev.slackaudit.camel.options.ActionNames;
import dev.slackaudit.camel.options.PointInTime;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * On-demand queries: {@code actions} sets the body to the action names by category, {@code schemas} to the schema
 * list, and {@code logs} to the events matching the endpoint's filters, which message headers may override for one
 * call, newest first (Slack's order) and at most {@code maxResults} of them.
 */
public class SlackAuditLogsProducer extends DefaultProducer {

    public SlackAuditLogsProducer(SlackAuditLogsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SlackAuditLogsEndpoint getEndpoint() {
        return (SlackAuditLogsEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        switch (getEndpoint().getMethod()) {
            case actions -> message.setBody(getEndpoint().getClient().fetchActions());
            case schemas -> message.setBody(getEndpoint().getClient().fetchSchemas());
            case logs -> message.setBody(queryLogs(message));
            default -> throw new IllegalStateException("Unsupported method " + getEndpoint().getMethod());
        }
    }

    private List<AuditLogEntry> queryLogs(Message message) {
        SlackAuditLogsConfiguration configuration = getEndpoint().getConfiguration();
        Instant now = Instant.now();
        Long oldest = pointInTime(message, SlackAuditLogsConstants.OLDEST, "oldest", configuration.getOldest(), now);
        Long latest = pointInTime(message, SlackAuditLogsConstants.LATEST, "latest", configuration.getLatest(), now);
        String actionHeader = message.getHeader(SlackAuditLogsConstants.ACTION_FILTER, String.class);
        List<String> actions = ActionNames.parse(actionHeader != null ? actionHeader : configuration.getAction());
        LogsQuery query = LogsQuery.of(oldest, latest, configuration.getLimit(),
                message.getHeader(SlackAuditLogsConstants.ACTOR, configuration.getActor(), String.class),
                message.getHeader(SlackAuditLogsConstants.ENTITY, configuration.getEntity(), String.class));

        // read each group of 30 actions up to maxResults, so the newest overall are among what was read
        int maxResults = configuration.getMaxResults();
        LogsPager pager = new LogsPager(getEndpoint().getClient());
        // held in memory: the read stops once a group passes maxResults, so at most one page more per group
        List<AuditLogEntry> events = new ArrayList<>();
        for (List<String> group : LogsPager.groups(actions)) {
            try (LogsPager.Range read = pager.read(query, group, maxResults, () -> new PageSpool(null, Integer.MAX_VALUE))) {
                read.oldestFirst().forEachRemaining(events::add);
            }
        }
        // newest first, as Slack answers; a second group's events interleave with the first's by time
        events.sort(PageSpool.OLDEST_FIRST.reversed());
        return events.size() > maxResults ? new ArrayList<>(events.subList(0, maxResults)) : events;
    }

    private static Long pointInTime(Message message, String header, String option, String fallback, Instant now) {
        Object value = message.getHeader(header);
        if (value == null) {
            return PointInTime.resolve(option, fallback, now);
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Instant instant) {
            return instant.getEpochSecond();
        }
        if (value instanceof Date date) {
            return date.toInstant().getEpochSecond();
        }
        return PointInTime.resolve(header, value.toString(), now);
    }
}
