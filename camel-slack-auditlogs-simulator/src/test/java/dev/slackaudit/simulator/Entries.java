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
import java.nio.charset.StandardCharsets;

/** Hand-made entries for tests that need exact ids and seconds. */
final class Entries {

    private Entries() {
    }

    static String entry(String id, long dateCreate) {
        return entry(id, dateCreate, "user_login", "W111", "W111");
    }

    static String entry(String id, long dateCreate, String action, String actorId, String userEntityId) {
        return "{\"id\":\"" + id + "\",\"date_create\":" + dateCreate + ",\"action\":\"" + action + "\","
               + "\"actor\":{\"type\":\"user\",\"user\":{\"id\":\"" + actorId + "\",\"name\":\"A\",\"email\":\"a@example.com\",\"team\":\"T111\"}},"
               + "\"entity\":{\"type\":\"user\",\"user\":{\"id\":\"" + userEntityId + "\",\"name\":\"B\",\"email\":\"b@example.com\",\"team\":\"T111\"}},"
               + "\"context\":{\"location\":{\"type\":\"workspace\",\"id\":\"T111\",\"name\":\"WS\",\"domain\":\"ws\"},"
               + "\"ua\":\"\",\"ip_address\":\"192.0.2.1\",\"session_id\":\"1\"}}";
    }

    /** A test resource as text, byte for byte. */
    static String resource(String name) {
        try (InputStream in = Entries.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
