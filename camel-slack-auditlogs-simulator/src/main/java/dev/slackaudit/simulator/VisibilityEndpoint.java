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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code GET /_simulator/visibility}: the simulator's own endpoint (not Slack's, hence a path Slack's API cannot
 * have) telling when events became visible, for latency measurements against a standalone simulator. Not
 * authenticated, not rate-limited, not faulted and not in the request log: it observes the API, it is not part of it.
 * <ul>
 *   <li>{@code ?id=<event id>}: that event, or {@code 404 {"ok":false,"error":"unknown_id"}}</li>
 *   <li>{@code ?since=<ISO-8601 instant or epoch milliseconds>}: events visible at or after it</li>
 *   <li>no parameter: every event added after start-up (live, late and verbatim additions)</li>
 * </ul>
 * Each event is {@code {"id":"…","date_create":1700000000,"visible_at":"2026-…Z","visible_at_ms":1700000000123}};
 * the history the simulator was built with is listed by {@code ?id=} only, visible since start-up.
 */
final class VisibilityEndpoint {

    /** The simulator's own endpoints live here, outside {@code /audit/v1}. */
    static final String PREFIX = "/_simulator/";
    static final String PATH = PREFIX + "visibility";
    private static final JsonFactory JSON = new JsonFactory();

    private final Function<String, Optional<VisibilityLog.Visibility>> byId;
    private final Function<Instant, List<VisibilityLog.Visibility>> since;

    VisibilityEndpoint(Function<String, Optional<VisibilityLog.Visibility>> byId,
                       Function<Instant, List<VisibilityLog.Visibility>> since) {
        this.byId = byId;
        this.since = since;
    }

    Reply answer(IncomingRequest request) {
        if (!request.path().equals(PATH)) {
            return Reply.error(404, "bad_endpoint");
        }
        if (!request.method().equals("GET")) {
            return Reply.error(405, "method_not_allowed");
        }
        Map<String, String> query = QueryString.parse(request.rawQuery());
        String id = query.get("id");
        if (id != null) {
            return byId.apply(id).map(found -> Reply.json(200, render(List.of(found))))
                    .orElseGet(() -> Reply.error(404, "unknown_id"));
        }
        String sinceText = query.get("since");
        Instant from;
        try {
            from = sinceText == null ? Instant.MIN : parseInstant(sinceText);
        } catch (DateTimeParseException | NumberFormatException e) {
            return Reply.error(400, "invalid_since");
        }
        return Reply.json(200, render(since.apply(from)));
    }

    private static Instant parseInstant(String text) {
        return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
    }

    private static byte[] render(List<VisibilityLog.Visibility> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("visibility");
            for (VisibilityLog.Visibility event : events) {
                json.writeStartObject();
                json.writeStringField("id", event.id());
                json.writeNumberField("date_create", event.dateCreate());
                json.writeStringField("visible_at", event.visibleAt().toString());
                json.writeNumberField("visible_at_ms", event.visibleAt().toEpochMilli());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
