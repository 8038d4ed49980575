package dev.slackaudit.simulator;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;

/** Puts a {@link Reply} on the wire, including the damage a fault asked for. */
final class ReplyWriter {

    private ReplyWriter() {
    }

    static void write(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        if (!reply.delay().isZero()) {
            Thread.sleep(reply.delay().toMillis());
        }
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = reply.body();
        if (reply.dropsConnection()) {
            // Announce the full length (chunked if there is no body), send half, then make the server drop the socket.
            exchange.sendResponseHeaders(reply.status(), body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new ConnectionDropped();
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Thrown out of the handler on purpose: the JDK's HTTP server closes the connection of an exchange whose
     * handler throws, which is the only way to cut a response short through its API.
     */
    static final class ConnectionDropped extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped() {
            super("connection dropped mid-response by Fault.reset()", null);
        }
    }
}
