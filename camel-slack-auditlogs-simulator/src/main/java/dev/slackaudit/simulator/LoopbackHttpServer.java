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

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server on loopback: keep-alive connections, {@code Content-Length} framing, GET-style requests
 * (a request body is skipped), plain or TLS.
 * <p>
 * Hand-written on purpose: the JDK's {@code com.sun.net.httpserver} overwrites the {@code Date} header of every
 * response with the machine's clock ({@code ExchangeImpl.sendResponseHeaders}), but a client learns Slack's clock
 * from {@code Date}, so the simulator must stamp its own (possibly offset) server time on every answer, errors and
 * 429s included. Depending on Jetty or Netty instead would put a web server on the test classpath of every user.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LoopbackHttpServer.class.getName());
    private static final int BACKLOG = 50;
    /** Idle keep-alive connections are closed after this long, as the JDK server does by default. */
    private static final int IDLE_MILLIS = 30_000;
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final long ACCEPTOR_EXIT_MILLIS = 5_000;

    private final ServerSocket listener;
    private final Function<IncomingRequest, Reply> handler;
    private final Clock clock;
    private final Clock dateClock;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private LoopbackHttpServer(ServerSocket listener, Function<IncomingRequest, Reply> handler, Clock clock,
                               Clock dateClock) {
        this.listener = listener;
        this.handler = handler;
        this.clock = clock;
        this.dateClock = dateClock;
        AtomicInteger threads = new AtomicInteger();
        // One thread per connection: keep-alive clients hold theirs between requests, and a test runs a handful.
        this.connections = Executors.newCachedThreadPool(task -> daemon(task, "slack-auditlogs-simulator-" + threads.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, "slack-auditlogs-simulator-accept");
    }

    /**
     * Binds {@code address:port} and starts serving.
     *
     * @param tls     a server-side TLS context, or {@code null} for plain HTTP
     * @param clock     the server's clock, which times the arrival of requests
     * @param dateClock the clock stamped into every response's {@code Date} (the server's, unless a proxy is simulated)
     * @param handler   computes the answer to one request (it may block, e.g. for a slow fault)
     */
    static LoopbackHttpServer start(InetAddress address, int port, SSLContext tls, Clock clock, Clock dateClock,
                                    Function<IncomingRequest, Reply> handler) throws IOException {
        ServerSocket listener = tls != null
                ? tls.getServerSocketFactory().createServerSocket(port, BACKLOG, address)
                : new ServerSocket(port, BACKLOG, address);
        LoopbackHttpServer server = new LoopbackHttpServer(listener, handler, clock, dateClock);
        server.acceptor.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Stops accepting, drops open connections and interrupts replies in progress; the port is free on return. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(LoopbackHttpServer::closeQuietly);
        connections.shutdownNow();
        // The JDK releases a listening socket only once the thread blocked in accept() has left it.
        try {
            acceptor.join(ACCEPTOR_EXIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "simulator stopped accepting connections", e);
                }
                return;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RuntimeException rejectedWhileClosing) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true); // headers and body go out as one write; no delayed-ACK stall
            socket.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (!closed) {
                IncomingRequest request;
                try {
                    request = readRequest(in);
                } catch (MalformedRequest malformed) {
                    ReplyWriter.write(out, Reply.error(400, "bad_request"), dateClock, false, false);
                    return;
                }
                if (request == null) {
                    return;
                }
                Reply reply = handler.apply(request);
                boolean keepAlive = request.keepAlive() && !reply.dropsConnection();
                ReplyWriter.write(out, reply, dateClock, request.method().equals("HEAD"), keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (InterruptedException stopping) {
            // close() interrupts a slow reply; give up on it without a stack trace.
            Thread.currentThread().interrupt();
        } catch (IOException clientGoneOrTimedOut) {
            // the client closed, the idle timeout struck, or a fault dropped the connection on purpose
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "simulator failed on a request", bug);
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    /** The next request head on the connection, or {@code null} when the client closed it between requests. */
    private IncomingRequest readRequest(InputStream in) throws IOException, MalformedRequest {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in); // tolerate stray CRLFs between requests (RFC 9112 §2.2)
        }
        if (requestLine == null) {
            return null;
        }
        // Stamped as soon as the request line is in, before any parsing: tests measure clients' spacing from it.
        Instant arrival = clock.instant();
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequest();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(in); ; line = readLine(in)) {
            if (line == null || headers.size() > MAX_HEADERS) {
                throw new MalformedRequest();
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequest();
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        skipBody(in, headers);
        URI target;
        try {
            target = new URI(parts[1]);
        } catch (URISyntaxException e) {
            throw new MalformedRequest();
        }
        String path = target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath();
        return new IncomingRequest(parts[0], path, target.getRawQuery(), headers,
                keepAlive(parts[2].equals("HTTP/1.0"), headers.get("connection")), arrival);
    }

    /** The API reads no request body, but a body left unread would be taken for the next request. */
    private static void skipBody(InputStream in, Map<String, List<String>> headers) throws IOException, MalformedRequest {
        if (headers.containsKey("transfer-encoding")) {
            throw new MalformedRequest(); // no client sends a chunked GET; refusing beats mis-framing
        }
        List<String> length = headers.get("content-length");
        if (length == null) {
            return;
        }
        long remaining;
        try {
            remaining = Long.parseLong(length.get(0));
        } catch (NumberFormatException e) {
            throw new MalformedRequest();
        }
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new MalformedRequest();
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }

    /** A line without its CRLF (a bare LF is accepted), or {@code null} at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException, MalformedRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedRequest();
            }
            line.write(b);
        }
        if (line.size() > 0) {
            throw new MalformedRequest();
        }
        return null;
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 only when asked to keep it. */
    private static boolean keepAlive(boolean http10, List<String> connection) {
        if (connection == null) {
            return !http10;
        }
        String tokens = String.join(",", connection).toLowerCase(Locale.ROOT);
        return http10 ? tokens.contains("keep-alive") : !tokens.contains("close");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true); // a test that forgets close() must still let the JVM exit
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** A request this server cannot frame; it answers 400 and closes the connection. */
    private static final class MalformedRequest extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedRequest() {
            super(null, null, false, false);
        }
    }
}
