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
 * The consumer's checkpoint in a Camel {@link StateRepository}: the first second not yet delivered. Everything
 * before it has been delivered. It is stored as an ISO-8601 instant so that a person can read and edit a state file
 * ({@code key=2026-11-21T10:00:00Z}); plain Unix seconds are read too.
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
        String value = repository.getState(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) : Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalStateException("The checkpoint '" + value + "' stored under " + key + " is neither an"
                                            + " ISO-8601 instant nor Unix seconds: fix or remove it", e);
        }
    }

    void write(long checkpoint) {
        repository.setState(key, Instant.ofEpochSecond(checkpoint).toString());
    }

    String key() {
        return key;
    }
}
