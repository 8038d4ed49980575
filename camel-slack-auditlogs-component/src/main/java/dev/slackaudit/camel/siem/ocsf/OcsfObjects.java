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
package dev.slackaudit.camel.siem.ocsf;

import java.util.Arrays;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds OCSF objects ({@code user}, {@code actor}, {@code file}, {@code group}, {@code managed_entity}, ...) from the
 * parts of a Slack event, taking the fields it maps out of {@link SlackFields}.
 * <p>
 * Each builder returns {@code null}, and takes nothing, when the event does not have what the object needs to be
 * valid (the attributes OCSF requires, or one of those its constraints ask for); a field of unexpected type is left
 * out of the object and stays unmapped.
 */
final class OcsfObjects {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** OCSF's {@code email_t} pattern (dictionary.json, types), so that no document carries an invalid address. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-zA-Z0-9!#$%&'*+-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$");
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    private OcsfObjects() {
    }

    /**
     * A Slack user object ({@code {id, name, email, team}}) as an OCSF {@code user}; null if it has neither an id
     * nor a name.
     */
    static ObjectNode user(SlackFields fields, String... path) {
        if (fields.peekText(at(path, "id")) == null && fields.peekText(at(path, "name")) == null) {
            return null;
        }
        ObjectNode user = JSON.objectNode();
        putText(user, "uid", fields, at(path, "id"));
        putText(user, "name", fields, at(path, "name"));
        String email = fields.peekText(at(path, "email"));
        if (email != null && EMAIL.matcher(email).matches()) {
            user.put("email_addr", fields.takeText(at(path, "email")));
        }
        String team = fields.takeText(at(path, "team"));
        if (team != null) {
            // the workspace (T...) or organization (E...) the user belongs to
            user.putObject("org").put("uid", team);
        }
        return user;
    }

    /**
     * The {@code actor}: who acted ({@code actor.user}), through which app ({@code context.app}) and in which session
     * ({@code context.session_id}); null if the event has none of them.
     */
    static ObjectNode actor(SlackFields fields) {
        ObjectNode user = user(fields, "actor", "user");
        String appUid = fields.takeText("context", "app", "id");
        String appName = fields.takeText("context", "app", "name");
        String sessionUid = fields.takeText("context", "session_id");
        if (user == null && appUid == null && appName == null && sessionUid == null) {
            return null;
        }
        ObjectNode actor = JSON.objectNode();
        if (user != null) {
            actor.set("user", user);
        }
        putIfNotNull(actor, "app_uid", appUid);
        putIfNotNull(actor, "app_name", appName);
        if (sessionUid != null) {
            actor.putObject("session").put("uid", sessionUid);
        }
        return actor;
    }

    /** A network endpoint with the IP address at this path; null unless it is an IP address literal. */
    static ObjectNode endpoint(SlackFields fields, String... ipPath) {
        String ip = fields.peekText(ipPath);
        if (!IpAddresses.isLiteral(ip)) {
            return null;
        }
        ObjectNode endpoint = JSON.objectNode();
        endpoint.put("ip", fields.takeText(ipPath));
        return endpoint;
    }

    /** An HTTP request with the user agent at this path; null if there is none. */
    static ObjectNode httpRequest(SlackFields fields, String... userAgentPath) {
        String userAgent = fields.takeText(userAgentPath);
        if (userAgent == null) {
            return null;
        }
        ObjectNode request = JSON.objectNode();
        request.put("user_agent", userAgent);
        return request;
    }

    /** The event's entity as an OCSF {@code user}, if it is a user. */
    static ObjectNode entityUser(SlackFields fields) {
        return "user".equals(fields.peekText("entity", "type")) ? user(fields, "entity", "user") : null;
    }

    /** The event's entity as an OCSF {@code group}, if it is a user group with an id or a name. */
    static ObjectNode entityGroup(SlackFields fields) {
        if (!"usergroup".equals(fields.peekText("entity", "type")) || !hasIdOrName(fields, "entity", "usergroup")) {
            return null;
        }
        ObjectNode group = JSON.objectNode();
        putText(group, "uid", fields, "entity", "usergroup", "id");
        putText(group, "name", fields, "entity", "usergroup", "name");
        return group;
    }

    /**
     * The event's entity as an OCSF {@code file}, if it is a file or a canvas with a name (a canvas has a title
     * instead). Its {@code md5_hash} and {@code url_private} details describe the same file.
     */
    static ObjectNode entityFile(SlackFields fields) {
        String type = fields.peekText("entity", "type");
        if (!"file".equals(type) && !"canvas".equals(type)) {
            return null;
        }
        String[] namePath = fields.peekText("entity", type, "name") != null
                ? new String[] { "entity", type, "name" } : new String[] { "entity", type, "title" };
        if (fields.peekText(namePath) == null) {
            return null;
        }
        ObjectNode file = JSON.objectNode();
        file.put("name", fields.takeText(namePath));
        file.put("type_id", 1);
        file.put("type", "Regular File");
        putText(file, "uid", fields, "entity", type, "id");
        String fileType = fields.peekText("entity", type, "filetype");
        if (fileType != null && fileType.indexOf('/') > 0) {
            // usually Slack's short type name ("png", "gdoc"); a MIME type when it has the form of one
            file.put("mime_type", fields.takeText("entity", type, "filetype"));
        }
        String md5 = fields.peekText("details", "md5_hash");
        if (md5 != null && MD5.matcher(md5).matches()) {
            ObjectNode hash = file.putArray("hashes").addObject();
            hash.put("algorithm_id", 1);
            hash.put("algorithm", "MD5");
            hash.put("value", fields.takeText("details", "md5_hash"));
        }
        putText(file, "uri", fields, "details", "url_private");
        return file;
    }

    /**
     * The event's entity as an OCSF {@code managed_entity}: a user, a user group or a workspace/organization as
     * such, anything else (a channel, an app, a workflow, an entity type Slack adds later) by id, name and Slack's
     * type name. Null if the entity has neither an id nor a name.
     */
    static ObjectNode managedEntity(SlackFields fields) {
        String type = fields.peekText("entity", "type");
        if (type == null || !hasIdOrName(fields, "entity", type)) {
            return null;
        }
        ObjectNode entity = JSON.objectNode();
        switch (type) {
            case "user" -> entity.put("type_id", 2).put("type", "User").set("user", user(fields, "entity", "user"));
            case "usergroup" -> entity.put("type_id", 3).put("type", "Group").set("group", entityGroup(fields));
            case "workspace", "enterprise" ->
                putIdAndName(entity.put("type_id", 4).put("type", "Organization").putObject("org"), fields, type);
            default ->
                // Slack's type name is the entity's type (OCSF's "Other"), so it is taken; the others stay unmapped
                putIdAndName(entity.put("type_id", 99).put("type", fields.takeText("entity", "type")), fields, type);
        }
        return entity;
    }

    /** The event's entity as an OCSF {@code resource_details} (id, name, Slack's type name); null without id or name. */
    static ObjectNode resource(SlackFields fields) {
        String type = fields.peekText("entity", "type");
        if (type == null || !hasIdOrName(fields, "entity", type)) {
            return null;
        }
        return putIdAndName(JSON.objectNode(), fields, type).put("type", fields.takeText("entity", "type"));
    }

    /** The entity's id and name, from the object named by its type, as {@code uid} and {@code name}. */
    private static ObjectNode putIdAndName(ObjectNode target, SlackFields fields, String type) {
        putText(target, "uid", fields, "entity", type, "id");
        putText(target, "name", fields, "entity", type, "name");
        return target;
    }

    private static boolean hasIdOrName(SlackFields fields, String... path) {
        return fields.peekText(at(path, "id")) != null || fields.peekText(at(path, "name")) != null;
    }

    private static void putText(ObjectNode target, String attribute, SlackFields fields, String... path) {
        putIfNotNull(target, attribute, fields.takeText(path));
    }

    private static void putIfNotNull(ObjectNode target, String attribute, String value) {
        if (value != null) {
            target.put(attribute, value);
        }
    }

    private static String[] at(String[] path, String name) {
        String[] answer = Arrays.copyOf(path, path.length + 1);
        answer[path.length] = name;
        return answer;
    }
}
