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
package dev.slackaudit.camel.management;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.SlackAuditLogsEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code slack-auditlogs} dev console: per consumer, where its checkpoint is, how far behind and how far through
 * a backfill it is, its traffic with Slack (requests, 429s and the time waited for them) and its last error. It shows
 * the checkpoint key and never an endpoint URI, so the token appears nowhere.
 */
@DevConsole(name = "slack-auditlogs", displayName = "Slack Audit Logs",
            description = "Checkpoint, lag, backfill progress and Slack traffic of the slack-auditlogs consumers")
public class SlackAuditLogsDevConsole extends AbstractDevConsole {

    public SlackAuditLogsDevConsole() {
        super("camel", "slack-auditlogs", "Slack Audit Logs",
              "Checkpoint, lag, backfill progress and Slack traffic of the slack-auditlogs consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (ConsumerWatch watch : watches()) {
            describe(watch).forEach((key, value) -> text.append(String.format("%n    %s: %s", label(key), value)));
            text.append(String.format("%n"));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> consumers = new ArrayList<>();
        watches().forEach(watch -> consumers.add(describe(watch)));
        JsonObject root = new JsonObject();
        root.put("consumers", consumers);
        return root;
    }

    /** One consumer's figures, in the order the text shows them; absent ones (no error yet) are left out. */
    private static JsonObject describe(ConsumerWatch watch) {
        SlackAuditLogsConsumer consumer = watch.consumer();
        JsonObject json = new JsonObject();
        json.put("routeId", watch.routeId());
        json.put("checkpointKey", watch.checkpointKey());
        json.put("state", consumer.getStatus().name());
        json.put("checkpoint", consumer.getCheckpoint());
        json.put("secondsBehind", consumer.getSecondsBehind());
        json.put("backfillProgress", consumer.getBackfillProgress());
        json.put("exportComplete", consumer.isExportComplete());
        json.put("eventsDelivered", consumer.getEventsDelivered());
        json.put("pagesFetched", consumer.getPagesFetched());
        json.put("requests", consumer.getRequests());
        json.put("rateLimited", consumer.getRateLimitedCount());
        json.put("rateLimitWaitMillis", consumer.getRateLimitWaitMillis());
        json.put("retries", consumer.getRetries());
        json.put("failedPolls", consumer.getFailedPolls());
        json.put("recheckRequests", consumer.getRecheckRequests());
        // how late Slack indexed the events found late: a figure Slack publishes nowhere
        json.put("lateEvents", consumer.getLateEvents());
        json.put("latenessMaxSeconds", consumer.getLatenessMaxSeconds());
        json.put("latenessP99Seconds", consumer.getLatenessP99Seconds());
        Instant lastSuccess = watch.lastSuccessfulPoll();
        if (lastSuccess != null) {
            json.put("lastSuccessfulPoll", lastSuccess.toString());
        }
        if (consumer.getLastErrorCode() != null) {
            json.put("lastError", consumer.getLastErrorCode());
        }
        return json;
    }

    /** secondsBehind becomes "Seconds Behind", as Camel's own consoles label their lines. */
    private static String label(String key) {
        String words = key.replaceAll("([A-Z])", " $1");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The consumers that have polled, through their endpoints: those behind a master: route have no route of their own. */
    private List<ConsumerWatch> watches() {
        List<ConsumerWatch> watches = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof SlackAuditLogsEndpoint slack) {
                slack.consumerWatches().stream().filter(ConsumerWatch::isLive).forEach(watches::add);
            }
        }
        return watches;
    }
}
