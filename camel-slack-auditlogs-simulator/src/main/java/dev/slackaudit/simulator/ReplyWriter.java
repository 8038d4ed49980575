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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Puts a {@link Reply} on the wire as HTTP/1.1, including the damage a fault asked for. */
final class ReplyWriter {

    /** RFC 9110's IMF-fixdate (the RFC 1123 form with a two-digit day), always in GMT. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private ReplyWriter() {
    }

    /**
     * Writes the reply after its delay.
     *
     * @param clock     the server's clock; its time when the reply goes out is stamped into {@code Date}
     * @param head      whether the request was {@code HEAD} (headers only)
     * @param keepAlive whether the connection stays open afterwards ({@code Connection: close} otherwise)
     * @throws ConnectionDropped after sending half the body, when the reply drops the connection
     */
    static void write(OutputStream out, Reply reply, Clock clock, boolean head, boolean keepAlive)
            throws IOException, InterruptedException {
        if (!reply.delay().isZero()) {
            Thread.sleep(reply.delay().toMillis());
        }
        byte[] body = reply.body();
        StringBuilder headers = new StringBuilder(256)
                .append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n")
                .append("Date: ").append(HTTP_DATE.format(clock.instant())).append("\r\n");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            headers.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (reply.dropsConnection() && body.length == 0) {
            // Nothing to cut in half: announce a chunked body and never finish it.
            headers.append("Transfer-Encoding: chunked\r\n");
        } else {
            headers.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!keepAlive) {
            headers.append("Connection: close\r\n");
        }
        out.write(headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (reply.dropsConnection()) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new ConnectionDropped();
        }
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "Status " + status;
        }
    }

    /** Ends the connection on purpose: the client sees the body cut short by a closed socket. */
    static final class ConnectionDropped extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped() {
            super("connection dropped mid-response by Fault.reset()", null);
        }
    }
}
