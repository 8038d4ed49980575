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
package dev.slackaudit.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end of the Pipe: an HTTP collector on loopback, as a SIEM's HTTP event collector would be, that
 * keeps every POSTed body and answers 200. The JDK's own server: a sink needs nothing more, and the project's
 * simulator plays Slack, not the SIEM.
 */
final class HttpCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    HttpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", this::collect);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** Every body received, in arrival order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void collect(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if ("POST".equals(exchange.getRequestMethod())) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
