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
package dev.slackaudit.camel.client;

import java.util.List;

/**
 * The filters of one {@code GET /logs} sequence. Slack's cursor carries only a position, so every page request of
 * a sequence repeats all of these (docs/slack-api.md, Reading /logs).
 *
 * @param oldest  inclusive lower bound in Unix seconds, or {@code null}
 * @param latest  inclusive upper bound in Unix seconds, or {@code null}
 * @param limit   page size sent to Slack (1..9999)
 * @param actions action names (at most {@value #MAX_ACTIONS}), empty for all
 * @param actor   user id filter, or {@code null}
 * @param entity  entity id filter, or {@code null}
 */
public record LogsQuery(Long oldest, Long latest, int limit, List<String> actions, String actor, String entity) {

    /** Slack accepts at most this many comma-separated names in {@code action}. */
    public static final int MAX_ACTIONS = 30;

    public LogsQuery {
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (actions.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("Slack accepts at most " + MAX_ACTIONS + " actions per query, got "
                                               + actions.size());
        }
        if (limit < 1 || limit > 9999) {
            throw new IllegalArgumentException("limit must be between 1 and 9999, got " + limit);
        }
    }

    /**
     * The query the consumer and the producer start from: every action (they split the action filter into groups of
     * {@value #MAX_ACTIONS} themselves), and the actor and entity as given, a blank one filtering nothing.
     */
    public static LogsQuery of(Long oldest, Long latest, int limit, String actor, String entity) {
        return new LogsQuery(oldest, latest, limit, List.of(), blankToNull(actor), blankToNull(entity));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The same filters over another time range. */
    public LogsQuery withRange(Long oldest, Long latest) {
        return new LogsQuery(oldest, latest, limit, actions, actor, entity);
    }

    /** The same query with another set of actions. */
    public LogsQuery withActions(List<String> actions) {
        return new LogsQuery(oldest, latest, limit, actions, actor, entity);
    }
}
