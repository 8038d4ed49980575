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
package dev.slackaudit.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The route a user builds without this component: camel-http for the call, camel-jackson to read the page into a
 * map, split over {@code entries}, marshal each entry back to JSON, and loop while {@code next_cursor} is not empty.
 * It is started through {@code direct:} rather than a timer only so the harness knows when the loop ended.
 */
final class HandWrittenRouteContender implements Contender {

    private DrainTarget target;
    private CamelContext context;
    private ProducerTemplate template;
    private long requests;

    @Override
    public void prepare(DrainTarget target, JsonSink sink) throws Exception {
        this.target = target;
        String logsUrl = target.baseUrl() + "/logs";
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:drain").routeId("slack-audit-by-hand")
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more"))
                            // the previous page's response headers must not go out as request headers
                            .removeHeaders("*")
                            .setHeader("Authorization", constant("Bearer " + target.token()))
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .process(exchange -> exchange.getIn().setHeader(Exchange.HTTP_QUERY, pageQuery(exchange)))
                            .setBody(constant(null))
                            .to(logsUrl)
                            .process(exchange -> requests++)
                            .unmarshal().json(JsonLibrary.Jackson, Map.class)
                            .setProperty("cursor", simple("${body[response_metadata][next_cursor]}"))
                            .setProperty("more", simple("${exchangeProperty.cursor} != null"
                                                        + " && ${exchangeProperty.cursor} != ''", Boolean.class))
                            .split(simple("${body[entries]}"))
                                .marshal().json(JsonLibrary.Jackson)
                                .process(exchange -> sink.accept(exchange.getIn().getBody(String.class)))
                            .end()
                        .end();
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    /** The query string of the next page; a user has to URL-encode the cursor (it is base64 and may end in '='). */
    private String pageQuery(Exchange exchange) {
        String query = "oldest=" + target.oldest() + "&latest=" + target.latest() + "&limit=" + target.limit();
        String cursor = exchange.getProperty("cursor", String.class);
        return cursor == null || cursor.isEmpty()
                ? query : query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    @Override
    public void drain() {
        Exchange result = template.send("direct:drain", exchange -> {
        });
        if (result.getException() != null) {
            throw new IllegalStateException("the hand-written route failed", result.getException());
        }
    }

    @Override
    public long requests() {
        return requests;
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
