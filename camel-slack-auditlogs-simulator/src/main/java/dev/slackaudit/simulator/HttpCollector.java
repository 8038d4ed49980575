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
package dev.slackaudit.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The other end of a route under test: an HTTP collector on loopback, as a SIEM's event collector, a bulk API or a
 * Slack incoming webhook would be, that keeps every POST it accepts. It can refuse the first posts, as a collector
 * that is briefly down does, so that a test can check that the route retries and loses nothing.
 * <p>
 * The JDK's own server: a sink needs nothing more (the simulator's own server exists to stamp Slack's clock into
 * {@code Date}, which a sink does not care about).
 */
public final class HttpCollector implements AutoCloseable {

    /** The answer to a post that is accepted: what Splunk's HTTP Event Collector says, with Elasticsearch's flag. */
    private static final String ACCEPTED = "{\"text\":\"Success\",\"code\":0,\"errors\":false}";

    /** One accepted POST. */
    public record Post(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Post> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusalsLeft;
    private final int refusalStatus;
    private final String refusalBody;

    private HttpCollector(int refuseFirst, int refusalStatus, String refusalBody) {
        this.refusalsLeft = new AtomicInteger(refuseFirst);
        this.refusalStatus = refusalStatus;
        this.refusalBody = refusalBody;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on loopback: " + e.getMessage(), e);
        }
        server.createContext("/", this::receive);
        server.start();
    }

    /** A collector that accepts every post with a 200. */
    public static HttpCollector start() {
        return new HttpCollector(0, 200, ACCEPTED);
    }

    /**
     * A collector that refuses the first {@code count} posts with {@code status} and {@code body} (say, a 503, or
     * Elasticsearch's 200 whose body says {@code "errors": true}), then accepts the others.
     */
    public static HttpCollector refusingFirst(int count, int status, String body) {
        return new HttpCollector(count, status, body);
    }

    /** The collector's root URL ({@code http://127.0.0.1:<port>}); it accepts posts on every path. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The posts accepted, in arrival order. */
    public List<Post> accepted() {
        return List.copyOf(accepted);
    }

    /** The bodies of the posts accepted, in arrival order. */
    public List<String> bodies() {
        return accepted.stream().map(Post::body).toList();
    }

    /** The bodies of the posts refused, in arrival order. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = 200;
        String answer = ACCEPTED;
        if ("POST".equals(exchange.getRequestMethod())) {
            if (refusalsLeft.getAndDecrement() > 0) {
                refused.add(body);
                status = refusalStatus;
                answer = refusalBody;
            } else {
                accepted.add(new Post(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
