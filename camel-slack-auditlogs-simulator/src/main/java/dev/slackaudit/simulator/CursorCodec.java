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

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Issues and checks {@code next_cursor} values.
 * <p>
 * A cursor carries the position only: the {@code date_create} second where the next page starts. Like
 * Slack's, it does not remember the query's {@code oldest}, {@code latest} or filters, so a client that
 * drops {@code oldest} on page 2 pages on through all of history. It also carries the generation it was
 * issued in ({@link #invalidateAll()}) and when it was issued (for the time-to-live), and a checksum so
 * that gibberish is rejected.
 * <p>
 * The payload is 25 bytes, so the Base64 text always ends in {@code ==}: a client that forgets to
 * URL-encode the cursor breaks here as it would against Slack.
 */
final class CursorCodec {

    private static final byte VERSION = 1;
    private static final int SIGNED_LENGTH = 1 + Integer.BYTES + Long.BYTES + Long.BYTES;
    private static final int LENGTH = SIGNED_LENGTH + Integer.BYTES;

    private final Clock clock;
    private final Duration timeToLive;
    private final AtomicInteger generation = new AtomicInteger();

    CursorCodec(Clock clock, Duration timeToLive) {
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    String encode(long nextSecond) {
        ByteBuffer payload = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putInt(generation.get())
                .putLong(nextSecond)
                .putLong(clock.millis());
        payload.putInt(checksum(payload.array()));
        return Base64.getEncoder().encodeToString(payload.array());
    }

    /** The second where the page starts, or {@code 400 invalid_cursor} if the cursor is gibberish or stale. */
    long decode(String cursor) throws ApiError {
        try {
            ByteBuffer payload = ByteBuffer.wrap(Base64.getDecoder().decode(cursor));
            if (payload.remaining() != LENGTH || checksum(payload.array()) != payload.getInt(SIGNED_LENGTH)) {
                throw invalid();
            }
            byte version = payload.get();
            int issuedGeneration = payload.getInt();
            long nextSecond = payload.getLong();
            long issuedMillis = payload.getLong();
            boolean expired = clock.millis() - issuedMillis > timeToLive.toMillis();
            if (version != VERSION || issuedGeneration != generation.get() || expired) {
                throw invalid();
            }
            return nextSecond;
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    /** Makes every cursor issued so far stale. */
    void invalidateAll() {
        generation.incrementAndGet();
    }

    private static int checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload, 0, SIGNED_LENGTH);
        return (int) crc.getValue();
    }

    private static ApiError invalid() {
        return new ApiError(400, "invalid_cursor");
    }
}
