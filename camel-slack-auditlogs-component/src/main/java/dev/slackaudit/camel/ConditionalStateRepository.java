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

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} that can also write a value only if the stored one is still the value the writer last
 * saw: the fencing that keeps a paused ex-leader (a long GC pause, a frozen VM) from moving a shared checkpoint back
 * over the progress of the node that took over (docs/architecture.md, High availability).
 * <p>
 * The consumer uses {@link #compareAndSetState} for every checkpoint write when its state repository implements this
 * interface, and plain {@link #setState} otherwise. A refused write stops the window: the consumer logs why and reads
 * the stored checkpoint again before its next window.
 */
public interface ConditionalStateRepository extends StateRepository<String, String> {

    /**
     * Stores {@code value} under {@code key} only if the stored value equals {@code expected}, atomically.
     *
     * @param  expected the value the caller last read or wrote, {@code null} if it saw none
     * @return          {@code true} if the value was written, {@code false} if another writer changed it meanwhile
     */
    boolean compareAndSetState(String key, String expected, String value);
}
