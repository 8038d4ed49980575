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

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code url.*} fields of a URL, as Elasticsearch's {@code uri_parts} processor writes them (Elastic's Slack
 * pipeline applies it to {@code details.url_private}): original, scheme, domain, port, path, extension, query,
 * fragment and the user info. A text that is not a URL writes nothing.
 */
final class UrlParts {

    private UrlParts() {
    }

    static void write(String text, ObjectNode document) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return;
        }
        ObjectNode url = document.putObject("url");
        url.put("original", text);
        url.put("scheme", uri.getScheme());
        url.put("domain", uri.getHost());
        if (uri.getPort() >= 0) {
            url.put("port", uri.getPort());
        }
        putIfPresent(url, "path", uri.getRawPath());
        putIfPresent(url, "extension", extension(uri.getRawPath()));
        putIfPresent(url, "query", uri.getRawQuery());
        putIfPresent(url, "fragment", uri.getRawFragment());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            url.put("user_info", userInfo);
            int colon = userInfo.indexOf(':');
            url.put("username", colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                url.put("password", userInfo.substring(colon + 1));
            }
        }
    }

    /** The file extension of the path's last segment, without the dot ({@code png}), as ECS defines it. */
    private static String extension(String path) {
        if (path == null) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 && dot < last.length() - 1 ? last.substring(dot + 1) : null;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }
}
