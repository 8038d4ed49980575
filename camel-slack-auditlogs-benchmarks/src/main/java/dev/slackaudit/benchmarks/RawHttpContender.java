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

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The practical limit: Apache HttpClient 5 and Jackson's streaming parser, paging by cursor, no Camel, no retries,
 * no checkpoint. Each entry's JSON is cut out of the page by the parser's byte offsets, the cheapest way to hand on
 * the exact text. Everything the other contenders do beyond this is the price of their features.
 */
final class RawHttpContender implements Contender {

    private static final JsonFactory JSON = new JsonFactory();

    private DrainTarget target;
    private JsonSink sink;
    private CloseableHttpClient http;
    private long requests;

    @Override
    public void prepare(DrainTarget target, JsonSink sink) {
        this.target = target;
        this.sink = sink;
        this.http = HttpClients.custom().disableAutomaticRetries().build();
    }

    @Override
    public void drain() throws Exception {
        String cursor = null;
        do {
            HttpGet get = new HttpGet(pageUri(cursor));
            get.addHeader("Authorization", "Bearer " + target.token());
            byte[] body = http.execute(get, response -> {
                if (response.getCode() != 200) {
                    throw new IOException("GET /logs answered HTTP " + response.getCode());
                }
                return EntityUtils.toByteArray(response.getEntity());
            });
            requests++;
            cursor = emitEntries(body);
        } while (cursor != null);
    }

    /** Sends each entry of the page to the sink; returns the next cursor, or null on the last page. */
    private String emitEntries(byte[] body) throws IOException {
        String cursor = null;
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken(); // the page object
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("entries".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        sink.accept(new String(body, start, end - start, StandardCharsets.UTF_8));
                    }
                } else if ("response_metadata".equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if ("next_cursor".equals(name)) {
                            cursor = parser.getValueAsString();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    private URI pageUri(String cursor) throws Exception {
        // the cursor carries no range: every page repeats oldest, latest and limit
        URIBuilder uri = new URIBuilder(target.baseUrl() + "/logs")
                .addParameter("oldest", Long.toString(target.oldest()))
                .addParameter("latest", Long.toString(target.latest()))
                .addParameter("limit", Integer.toString(target.limit()));
        if (cursor != null) {
            uri.addParameter("cursor", cursor);
        }
        return uri.build();
    }

    @Override
    public long requests() {
        return requests;
    }

    @Override
    public void close() throws IOException {
        if (http != null) {
            http.close();
        }
    }
}
