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
package dev.slackaudit.camel.siem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.Converter;

/**
 * Lets any endpoint take a SIEM document: as text, bytes or a stream it is one line of JSON, as a map the parsed
 * document. A batch of documents becomes JSON Lines, one document per line.
 */
@Converter(generateLoader = true)
public final class SiemConverters {

    private SiemConverters() {
    }

    @Converter
    public static String toString(SiemDocument document) {
        return document.toJson();
    }

    @Converter
    public static byte[] toBytes(SiemDocument document) {
        return document.toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(SiemDocument document) {
        return new ByteArrayInputStream(toBytes(document));
    }

    @Converter
    public static Map<String, Object> toMap(SiemDocument document) {
        return document.toMap();
    }

    /** The batch as JSON Lines: {@link SiemDocumentBatch#toJsonLines()}. */
    @Converter
    public static String toString(SiemDocumentBatch batch) {
        return batch.toJsonLines();
    }

    @Converter
    public static byte[] toBytes(SiemDocumentBatch batch) {
        return batch.toJsonLines().getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(SiemDocumentBatch batch) {
        return new ByteArrayInputStream(toBytes(batch));
    }
}
