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

import org.apache.camel.spi.IdempotentRepository;

/**
 * An idempotent repository that keeps the ids of recent events only, and says from when. The consumer's recheck of late
 * events reads no further back than that: an event whose id the repository forgot would be taken for a late one and
 * delivered twice (see docs/late-events.md). The default in-memory repository is followed by the consumer itself; a
 * repository of another kind is taken to keep every id unless it implements this.
 */
public interface ForgettingIdempotentRepository extends IdempotentRepository {

    /**
     * The first second (Unix seconds, of {@code date_create}) from which the repository holds the id of every event
     * delivered; {@link Long#MAX_VALUE} if it vouches for none.
     */
    long remembersFrom();
}
