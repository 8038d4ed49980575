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

import java.util.OptionalDouble;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** One scrape of GET /actuator/prometheus, as a Prometheus server reads it (the text exposition format). */
record PrometheusScrape(String body) {

    static PrometheusScrape fetch(TestRestTemplate http) {
        return new PrometheusScrape(http.getForObject("/actuator/prometheus", String.class));
    }

    /** The value of a sample of the example's route, e.g. slack_auditlogs_events_delivered_total, if scraped. */
    OptionalDouble routeSample(String metric) {
        String routeLabel = "routeId=\"" + AuditLogsToJsonLinesRoute.ROUTE_ID + "\"";
        return body.lines()
                .filter(line -> line.startsWith(metric + "{") && line.contains(routeLabel))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
