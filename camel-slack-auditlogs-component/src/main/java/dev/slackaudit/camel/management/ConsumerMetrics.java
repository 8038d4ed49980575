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

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a consumer's figures as Micrometer meters when the application has Micrometer and a {@code MeterRegistry}
 * in the Camel registry (Spring Boot Actuator, Quarkus Micrometer, camel-micrometer).
 * <p>
 * Micrometer is an optional dependency: this class names none of its types, and loads
 * {@link MicrometerConsumerMetrics}, which does, only once the class resolver has found Micrometer. An application
 * without it never loads a Micrometer class, so it gets no {@code NoClassDefFoundError}.
 */
final class ConsumerMetrics {

    static final AutoCloseable NONE = () -> {
    };
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerMetrics.class);
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private ConsumerMetrics() {
    }

    /** Binds the consumer's meters, if Micrometer is there; closing the answer removes them. */
    static AutoCloseable bind(ConsumerWatch watch) {
        CamelContext context = watch.consumer().getEndpoint().getCamelContext();
        if (context.getClassResolver().resolveClass(METER_REGISTRY) == null) {
            return NONE;
        }
        try {
            return MicrometerConsumerMetrics.bind(context, watch);
        } catch (RuntimeException | LinkageError e) {
            // meters must never stop the collector, e.g. with a Micrometer older than the one this was built with
            LOG.warn("Could not publish the slack-auditlogs meters of route {}; the consumer runs without them: {}",
                     watch.routeId(), e.toString());
            return NONE;
        }
    }
}
