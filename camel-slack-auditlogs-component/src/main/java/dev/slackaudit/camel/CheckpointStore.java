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
import java.time.format.DateTimeParseException;

import org.apache.camel.spi.StateRepository;

/**
 * The consumer's position in a Camel {@link StateRepository}, as two entries:
 * <ul>
 * <li>{@code <key>}: the checkpoint, the first second not yet delivered; everything before it has been delivered.</li>
 * <li>{@code <key>.inflight}: the last second of a window whose delivery began but did not complete (empty when none):
 * some of its events may have been delivered, so after a stop, a failure or a crash they are checked against the
 * idempotent repository, while events past it are known to be new and skip that lookup.</li>
 * </ul>
 * Values are ISO-8601 instants so that a person can read and edit a state file ({@code key=2026-11-21T10:00:00Z});
 * plain Unix seconds are read too.
 */
final class CheckpointStore {

    private final StateRepository<String, String> repository;
    private final String key;

    CheckpointStore(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /** The stored checkpoint in Unix seconds, or {@code null} if there is none. */
    Long read() {
        return read(key);
    }

    /** The end of a window whose delivery did not complete, in Unix seconds, or {@code null} if there is none. */
    Long readInflight() {
        return read(inflightKey());
    }

    /** Records that delivery of a window ending at {@code to} begins. */
    void beginWindow(long to) {
        repository.setState(inflightKey(), Instant.ofEpochSecond(to).toString());
    }

    /**
     * Moves the checkpoint, then clears the in-flight mark, or keeps it at {@code deliveredUpTo} if deliveries reached
     * past the new checkpoint (a window narrowed after a failure ends before the one that failed). A crash between the
     * two writes only costs extra lookups.
     */
    void commit(long checkpoint, long deliveredUpTo) {
        repository.setState(key, Instant.ofEpochSecond(checkpoint).toString());
        repository.setState(inflightKey(),
                deliveredUpTo >= checkpoint ? Instant.ofEpochSecond(deliveredUpTo).toString() : "");
    }

    private String inflightKey() {
        return key + ".inflight";
    }

    private Long read(String stateKey) {
        String value = repository.getState(stateKey);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalStateException("The checkpoint '" + value + "' stored under " + stateKey + " is neither an"
                                            + " ISO-8601 instant nor Unix seconds: fix or remove it", e);
        }
    }

    String key() {
        return key;
    }
}
