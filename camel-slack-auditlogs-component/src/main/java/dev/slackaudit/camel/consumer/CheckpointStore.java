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

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.slackaudit.camel.ConditionalStateRepository;
import dev.slackaudit.camel.SlackAuditLogsConfiguration;
import dev.slackaudit.camel.client.BaseUrl;
import dev.slackaudit.camel.options.ActionNames;
import org.apache.camel.spi.StateRepository;

/**
 * The consumer's {@link Position} in a Camel {@link StateRepository}, as one value under one key, so that every write
 * is atomic and, with a {@link ConditionalStateRepository}, conditional on the value this consumer last saw:
 * <pre>
 * 2026-11-21T10:00:00Z after=5f0c6a1e-... delivered=2026-11-21T10:59:59Z readAt=2026-11-21T12:00:03Z
 * </pre>
 * The first word is the checkpoint (ISO-8601, or plain Unix seconds); the others are optional. A person can read and
 * edit a state file ({@code key=2026-11-21T10:00:00Z} is still a valid value: an unknown read time means "assume
 * recently", so the overlap is read again).
 */
public final class CheckpointStore {

    private final StateRepository<String, String> repository;
    private final String key;
    /** The value this consumer last read or wrote: what a conditional write expects to find. */
    private String lastSeen;

    public CheckpointStore(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /**
     * The checkpoint's key for an endpoint's options: the {@code stateKey} option, or one derived from the API host and
     * path and the filters, so endpoints with different filters never share a checkpoint by accident, while a restart
     * finds its own. Positions stored by earlier versions are found under it again: the derivation must not change.
     */
    public static String keyFor(SlackAuditLogsConfiguration configuration) {
        if (!isBlank(configuration.getStateKey())) {
            return configuration.getStateKey();
        }
        URI base = BaseUrl.check(configuration.getBaseUrl(), configuration.isAllowInsecureHttp());
        Map<String, String> filters = new TreeMap<>();
        if (!isBlank(configuration.getLatest())) {
            // a bounded export keeps its own position, apart from a live consumer with the same filters
            filters.put("latest", configuration.getLatest());
        }
        List<String> actions = ActionNames.parse(configuration.getAction());
        if (!actions.isEmpty()) {
            filters.put("action", String.join(",", actions.stream().sorted().toList()));
        }
        if (!isBlank(configuration.getActor())) {
            filters.put("actor", configuration.getActor());
        }
        if (!isBlank(configuration.getEntity())) {
            filters.put("entity", configuration.getEntity());
        }
        // FileStateRepository keys may not contain '=' or a line break
        // the host and path, not the port: a simulator or a local proxy on a new port is still the same API
        StringBuilder key = new StringBuilder("slack-auditlogs/").append(base.getHost());
        key.append(base.getPath().replaceAll("/+$", ""));
        filters.forEach((name, value) -> key.append('/').append(name).append(':')
                .append(value.replaceAll("[=\\r\\n]", "_")));
        return key.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Another writer changed the stored position since this consumer last saw it. */
    public static final class ConflictException extends IllegalStateException {
        ConflictException(String message) {
            super(message);
        }
    }

    /** The stored position, or {@code null} if there is none. */
    public Position read() {
        String value = repository.getState(key);
        lastSeen = value;
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] words = value.trim().split("\\s+");
        long checkpoint = seconds(words[0]);
        String after = null;
        Long delivered = null;
        Long readAt = null;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("after=")) {
                after = word.substring("after=".length());
            } else if (word.startsWith("delivered=")) {
                delivered = seconds(word.substring("delivered=".length()));
            } else if (word.startsWith("readAt=")) {
                readAt = seconds(word.substring("readAt=".length()));
            }
        }
        long deliveredUpTo = Math.max(checkpoint - 1, delivered != null ? delivered : Long.MIN_VALUE);
        return new Position(checkpoint, after, deliveredUpTo, readAt);
    }

    /**
     * Stores the position: conditionally on the value last seen when the repository supports it.
     *
     * @throws ConflictException if another consumer moved the position meanwhile (nothing was written)
     */
    void write(Position position) {
        String value = format(position);
        if (repository instanceof ConditionalStateRepository conditional) {
            if (!conditional.compareAndSetState(key, lastSeen, value)) {
                throw new ConflictException("The state repository refused to move the checkpoint " + key + " from '"
                                            + lastSeen + "' (another consumer moved it: a paused ex-leader? or the"
                                            + " write did not commit: see the repository's log); this window stops"
                                            + " and the stored position is read again before the next one");
            }
        } else {
            repository.setState(key, value);
        }
        lastSeen = value;
    }

    public String key() {
        return key;
    }

    /** A store in the same repository under this store's key plus {@code suffix}, for a position kept beside it. */
    CheckpointStore beside(String suffix) {
        return new CheckpointStore(repository, key + suffix);
    }

    static String format(Position position) {
        StringBuilder value = new StringBuilder(Instant.ofEpochSecond(position.checkpoint()).toString());
        if (position.after() != null) {
            value.append(" after=").append(position.after());
        }
        if (position.deliveredUpTo() >= position.checkpoint()) {
            value.append(" delivered=").append(Instant.ofEpochSecond(position.deliveredUpTo()));
        }
        if (position.readAt() != null) {
            value.append(" readAt=").append(Instant.ofEpochSecond(position.readAt()));
        }
        return value.toString();
    }

    private long seconds(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalStateException("The checkpoint '" + repository.getState(key) + "' stored under " + key
                                            + " holds '" + text + "', neither an ISO-8601 instant nor Unix seconds:"
                                            + " fix or remove it", e);
        }
    }

    /**
     * Where delivery stands, in Unix seconds.
     *
     * @param checkpoint    the first second not yet fully delivered: every event before it was delivered
     * @param after         the dedupe key of the last event delivered within the checkpoint second (events are
     *                      delivered in {@code date_create}, then key order), or {@code null} if none was
     * @param deliveredUpTo events dated up to this second may have been delivered (the mark, written before an event
     *                      past it is sent, a little ahead of what was sent); later ones are new for sure, so only
     *                      earlier ones cost an idempotent lookup, and a consumer taking over reads up to it first
     * @param readAt        when (Slack's clock) the events before the checkpoint were read, or {@code null} if not
     *                      known: it tells whether some may have been indexed after that, so the overlap is needed
     */
    public record Position(long checkpoint, String after, long deliveredUpTo, Long readAt) {

        public Position {
            deliveredUpTo = Math.max(deliveredUpTo, checkpoint - 1);
        }

        /** A position where nothing was delivered yet. */
        public static Position start(long checkpoint) {
            return new Position(checkpoint, null, checkpoint - 1, null);
        }

        Position withDeliveredUpTo(long second) {
            return new Position(checkpoint, after, Math.max(deliveredUpTo, second), readAt);
        }

        /** The position just after the event {@code key} of second {@code dateCreate}, read at {@code readAt}. */
        Position through(long dateCreate, String key, long readAt) {
            return new Position(dateCreate, key, deliveredUpTo, readAt);
        }

        /** The position after a whole window up to {@code to}, read at {@code readAt}. */
        Position past(long to, long readAt) {
            return new Position(to + 1, null, deliveredUpTo, readAt);
        }
    }
}
