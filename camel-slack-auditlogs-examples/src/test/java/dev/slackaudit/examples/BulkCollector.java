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
package dev.slackaudit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP bulk collector on loopback: keeps the body and content type of each POST it accepts, and refuses the first
 * {@code failFirst} of them, as a collector that is briefly down does: with a 503, or as Elasticsearch's
 * {@code _bulk} does when its write queue is full, with a 200 whose body says {@code "errors": true}.
 */
final class BulkCollector implements AutoCloseable {

    /** One accepted request. */
    record Post(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Post> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final boolean refuseAsElasticsearch;

    /** A collector that answers 503 to the first {@code failFirst} posts. */
    BulkCollector(int failFirst) throws IOException {
        this(failFirst, false);
    }

    /** A collector that refuses the first {@code failFirst} posts as Elasticsearch's {@code _bulk} does. */
    static BulkCollector elasticsearch(int failFirst) throws IOException {
        return new BulkCollector(failFirst, true);
    }

    private BulkCollector(int failFirst, boolean refuseAsElasticsearch) throws IOException {
        this.refuseAsElasticsearch = refuseAsElasticsearch;
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The collector's root, e.g. an Elasticsearch cluster's URL. */
    String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Splunk HEC's raw endpoint on this collector. */
    String url() {
        return root() + "/services/collector/raw";
    }

    List<Post> accepted() {
        return List.copyOf(accepted);
    }

    /** The bodies refused. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = 200;
        String answer = "{\"text\":\"Success\",\"code\":0,\"errors\":false}";
        if (failuresLeft.getAndDecrement() > 0) {
            refused.add(body);
            if (refuseAsElasticsearch) {
                answer = "{\"took\":3,\"errors\":true,\"items\":[{\"index\":{\"status\":429,\"error\":"
                         + "{\"type\":\"es_rejected_execution_exception\",\"reason\":\"write queue full\"}}}]}";
            } else {
                status = 503;
                answer = "{\"text\":\"Server busy\"}";
            }
        } else {
            accepted.add(new Post(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
