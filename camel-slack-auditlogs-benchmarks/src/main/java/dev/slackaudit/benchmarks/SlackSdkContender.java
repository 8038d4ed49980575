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
package dev.slackaudit.benchmarks;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.audit.AuditClient;
import com.slack.api.audit.response.LogsResponse;
import com.slack.api.util.json.GsonFactory;

/**
 * Slack's own Java SDK ({@code com.slack.api:slack-api-client}: OkHttp + Gson) in the paging loop its
 * documentation shows, with its default configuration. The SDK binds entries to its typed model, so a user who
 * forwards events must turn them back into JSON: with the SDK's own snake-case Gson, which gives Slack's field names
 * (fields the model does not know are lost; the benchmark only counts ids).
 * <p>
 * The SDK cannot read every event Slack documents: its model types {@code details.reason} as a string, and an
 * {@code anomaly} event's reason is an array, so Gson rejects the whole page. The harness therefore measures it on
 * {@link SdkReadableEvents} and records the failure on the real events separately.
 */
final class SlackSdkContender implements Contender {

    private DrainTarget target;
    private JsonSink sink;
    private Slack slack;
    private AuditClient audit;
    private Gson gson;
    private long requests;

    @Override
    public void prepare(DrainTarget target, JsonSink sink) {
        this.target = target;
        this.sink = sink;
        SlackConfig config = new SlackConfig();
        config.setAuditEndpointUrlPrefix(target.baseUrl() + "/");
        // on by default, the SDK's metrics call auth.test on slack.com to learn the team id: off, so the benchmark
        // sends nothing beyond loopback (and the SDK does less work than its defaults would make it do)
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.audit = slack.audit(target.token());
        this.gson = GsonFactory.createSnakeCase(config);
    }

    @Override
    public void drain() throws Exception {
        String cursor = null;
        do {
            String pageCursor = cursor;
            LogsResponse page = audit.getLogs(request -> request
                    .oldest(Math.toIntExact(target.oldest()))
                    .latest(Math.toIntExact(target.latest()))
                    .limit(target.limit())
                    .cursor(pageCursor));
            requests++;
            if (!page.isOk() && page.getError() != null) {
                throw new IllegalStateException("Slack SDK: /logs failed with " + page.getError());
            }
            for (LogsResponse.Entry entry : page.getEntries()) {
                sink.accept(gson.toJson(entry));
            }
            cursor = page.getResponseMetadata() == null ? null : page.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
    }

    @Override
    public long requests() {
        return requests;
    }

    @Override
    public void close() throws Exception {
        if (slack != null) {
            slack.close();
        }
    }
}
