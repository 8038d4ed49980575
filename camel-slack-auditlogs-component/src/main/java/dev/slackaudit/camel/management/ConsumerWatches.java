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
package dev.slackaudit.camel.management;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import dev.slackaudit.camel.SlackAuditLogsConsumer;
import dev.slackaudit.camel.SlackAuditLogsEndpoint;

/**
 * The watches of one endpoint's consumers, for metrics and the dev console: one consumer, or a new one after a failover
 * or a route restart. Those that are gone are forgotten, and their meters removed.
 */
public final class ConsumerWatches {

    private final Set<ConsumerWatch> watches = new CopyOnWriteArraySet<>();

    /** Watches a new consumer of {@code endpoint}, through its poll strategy. */
    public void watch(SlackAuditLogsEndpoint endpoint, SlackAuditLogsConsumer consumer) {
        ConsumerWatch watch = new ConsumerWatch(endpoint, consumer);
        consumer.setPollStrategy(watch);
        watches.add(watch);
        prune();
    }

    /** The consumers that are not shut down (a stopped route's consumer still shows where it stopped). */
    public List<ConsumerWatch> current() {
        prune();
        return List.copyOf(watches);
    }

    /** Removes the meters of every consumer: the endpoint stopped (the master component stops it on a failover). */
    public void closeAll() {
        watches.forEach(ConsumerWatch::close);
    }

    /**
     * Forgets the consumers that are shut down, and stopped ones a newer consumer replaced: a route restart gives the
     * route a new consumer and leaves the old one stopped, not shut down.
     */
    private void prune() {
        List<ConsumerWatch> list = List.copyOf(watches);
        for (int i = 0; i < list.size(); i++) {
            SlackAuditLogsConsumer consumer = list.get(i).consumer();
            if (consumer.isShutdown() || consumer.isStoppingOrStopped() && i < list.size() - 1) {
                watches.remove(list.get(i));
                list.get(i).close();
            }
        }
    }
}
