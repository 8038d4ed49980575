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

import java.util.Collection;
import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;

/**
 * An {@link IdempotentRepository} that also looks up many keys at once: with a database, one query for a thousand keys
 * instead of a thousand round trips.
 * <p>
 * The consumer looks up the events that may have been delivered before: the overlap it reads again for events Slack
 * indexed late (every poll, and all of it on a node that takes over after a failover) and, after a crash, what the
 * consumer before it may have sent past its checkpoint. When its idempotent repository implements this interface, it
 * asks {@link #containedKeys} for up to {@value #MAX_KEYS} of them at a time, and {@link #contains} one by one
 * otherwise.
 */
public interface BatchIdempotentRepository extends IdempotentRepository {

    /** The most keys the consumer passes to one {@link #containedKeys} call. */
    int MAX_KEYS = 1_000;

    /**
     * The keys of {@code keys} that the repository holds, as {@link #contains} would answer for each.
     *
     * @param keys distinct keys, at most {@value #MAX_KEYS}
     */
    Set<String> containedKeys(Collection<String> keys);
}
