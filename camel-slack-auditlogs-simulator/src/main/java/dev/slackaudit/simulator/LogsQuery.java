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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The validated parameters of one {@code GET /logs}. Filters combine with a logical AND; a blank
 * parameter counts as absent (clients commonly send {@code cursor=} on their first page); unknown
 * parameters are ignored, as Slack ignores them.
 */
final class LogsQuery {

    /** Slack documents no default page size; 100 sits in the range Slack's pagination guide recommends. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 9999;
    static final int MAX_ACTIONS = 30;

    private final int limit;
    private final long oldest;
    private final long latest;
    private final Set<String> actions;
    private final String actor;
    private final String entity;

    private LogsQuery(int limit, long oldest, long latest, Set<String> actions, String actor, String entity) {
        this.limit = limit;
        this.oldest = oldest;
        this.latest = latest;
        this.actions = actions;
        this.actor = actor;
        this.entity = entity;
    }

    /**
     * Parses the query string parameters; {@code cursorSecond} (from the cursor, if any) caps {@code latest},
     * which is how paging moves back through time while {@code oldest} has to be repeated by the client.
     */
    static LogsQuery parse(Map<String, String> params, ActionCatalog catalog, CursorCodec cursors, RangePolicy range)
            throws ApiError {
        int limit = parseLimit(param(params, "limit"));
        long oldest = parseSecond(param(params, "oldest"), Long.MIN_VALUE, range);
        long latest = parseSecond(param(params, "latest"), Long.MAX_VALUE, range);
        if (oldest > latest) {
            throw new ApiError(400, "invalid_range");
        }
        Set<String> actions = parseActions(param(params, "action"), catalog);
        String cursor = param(params, "cursor");
        if (cursor != null) {
            latest = Math.min(latest, cursors.decode(cursor));
        }
        return new LogsQuery(limit, oldest, latest, actions, param(params, "actor"), param(params, "entity"));
    }

    private static String param(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static int parseLimit(String value) throws ApiError {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the same error as an out-of-range number
        }
        throw new ApiError(400, "invalid_limit");
    }

    private static long parseSecond(String value, long absent, RangePolicy range) throws ApiError {
        if (value == null) {
            return absent;
        }
        try {
            long second = Long.parseLong(value.trim());
            if (second >= 0) {
                range.check(second);
                return second;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the same error as a negative timestamp
        }
        throw new ApiError(400, "invalid_range");
    }

    private static Set<String> parseActions(String value, ActionCatalog catalog) throws ApiError {
        if (value == null) {
            return Set.of();
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .collect(Collectors.toList());
        if (names.size() > MAX_ACTIONS || !names.stream().allMatch(catalog::contains)) {
            throw new ApiError(400, "invalid_action");
        }
        return Set.copyOf(names);
    }

    int limit() {
        return limit;
    }

    /** Inclusive lower bound on {@code date_create}. */
    long oldest() {
        return oldest;
    }

    /** Inclusive upper bound on {@code date_create}: the smaller of {@code latest} and the cursor's position. */
    long latest() {
        return latest;
    }

    /** Whether the entry passes the {@code action}, {@code actor} and {@code entity} filters (not the time range). */
    boolean matches(StoredEntry entry) {
        return (actions.isEmpty() || actions.contains(entry.action()))
               && (actor == null || actor.equals(entry.actorId()))
               && (entity == null || entity.equals(entry.entityId()));
    }
}
