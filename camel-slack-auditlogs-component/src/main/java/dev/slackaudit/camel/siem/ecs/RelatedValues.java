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
package dev.slackaudit.camel.siem.ecs;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code related.*} values of a document, each once, in the order they were met. */
final class RelatedValues {

    private final Set<String> users = new LinkedHashSet<>();
    private final Set<String> ips = new LinkedHashSet<>();
    private final Set<String> hashes = new LinkedHashSet<>();

    void user(String value) {
        add(users, value);
    }

    void ip(String value) {
        add(ips, value);
    }

    void hash(String value) {
        add(hashes, value);
    }

    void writeTo(ObjectNode document) {
        if (users.isEmpty() && ips.isEmpty() && hashes.isEmpty()) {
            return;
        }
        ObjectNode related = document.putObject("related");
        hashes.forEach(related.putArray("hash")::add);
        ips.forEach(related.putArray("ip")::add);
        users.forEach(related.putArray("user")::add);
    }

    private static void add(Set<String> set, String value) {
        if (value != null && !value.isEmpty()) {
            set.add(value);
        }
    }
}
