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
package dev.slackaudit.examples.springboot;

import dev.slackaudit.camel.kafka.ExactlyOnceKafka;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code kafka} profile: events into a Kafka topic exactly once for {@code read_committed} readers. One
 * {@link ExactlyOnceKafka} is the route's sender and the consumer's state and idempotent repository
 * ({@code application-kafka.yaml}), so a batch of events and the position past it commit in one Kafka transaction.
 */
@Configuration(proxyBeanMethods = false)
@Profile("kafka")
public class ExactlyOnceKafkaConfiguration {

    @Bean
    ExactlyOnceKafka exactlyOnceKafka(@Value("${audit.kafka.brokers}") String brokers,
                                      @Value("${audit.kafka.topic}") String topic,
                                      @Value("${audit.kafka.transactional-id}") String transactionalId) {
        return new ExactlyOnceKafka(brokers, topic, transactionalId);
    }

    @Bean
    RouteBuilder auditLogsToKafkaRoute(ExactlyOnceKafka kafka) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("{{audit.from:slack-auditlogs:logs}}").routeId(AuditLogsToJsonLinesRoute.ROUTE_ID).process(kafka);
            }
        };
    }
}
