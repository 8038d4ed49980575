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
package dev.slackaudit.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Audit Logs API itself, free of HTTP plumbing: routes a request to {@code /logs}, {@code /schemas}
 * or {@code /actions} and computes Slack's answer.
 */
final class AuditApi {

    static final String BASE_PATH = "/audit/v1";
    static final String LOGS = BASE_PATH + "/logs";
    private static final String SCHEMAS = BASE_PATH + "/schemas";
    private static final String ACTIONS = BASE_PATH + "/actions";

    private final Supplier<EntryTimeline> timeline;
    private final ActionCatalog catalog;
    private final byte[] schemas;
    private final CursorCodec cursors;
    private final TokenPolicy tokens;
    private final RangePolicy range;

    AuditApi(Supplier<EntryTimeline> timeline, ActionCatalog catalog, CursorCodec cursors, TokenPolicy tokens,
             RangePolicy range) {
        this.range = range;
        this.timeline = timeline;
        this.catalog = catalog;
        this.schemas = ClasspathResources.read("schemas.json");
        this.cursors = cursors;
        this.tokens = tokens;
    }

    Reply answer(String method, String path, Map<String, String> query, String authorization) {
        if (!path.equals(LOGS) && !path.equals(SCHEMAS) && !path.equals(ACTIONS)) {
            return Reply.error(404, "bad_endpoint");
        }
        if (!"GET".equals(method)) {
            // The API is read-only and "uses only GET".
            return Reply.error(405, "method_not_allowed");
        }
        if (path.equals(SCHEMAS)) {
            return Reply.json(200, schemas);
        }
        if (path.equals(ACTIONS)) {
            return Reply.json(200, catalog.capture());
        }
        Optional<Reply> rejection = tokens.reject(authorization);
        return rejection.orElseGet(() -> logs(query));
    }

    private Reply logs(Map<String, String> query) {
        try {
            LogsPage page = LogsPage.of(timeline.get(), LogsQuery.parse(query, catalog, cursors, range));
            String nextCursor = page.nextSecond().isPresent() ? cursors.encode(page.nextSecond().getAsLong()) : "";
            return Reply.json(200, page.render(nextCursor));
        } catch (ApiError rejected) {
            return rejected.toReply();
        }
    }
}
