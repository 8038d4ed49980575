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
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.slackaudit.simulator.SyntheticOrg.App;
import dev.slackaudit.simulator.SyntheticOrg.Channel;
import dev.slackaudit.simulator.SyntheticOrg.Person;
import dev.slackaudit.simulator.SyntheticOrg.Team;

/**
 * Writes an event's {@code entity}: {@code type} plus one sub-object named after the type, with the field set
 * Slack's SDK models give for that type (docs/slack-api.md, The fields of an event). Objects that only events mention (files, usergroups, roles...) are named
 * by index through {@link SyntheticOrg#slackId}, so the same file shows up again under the same id.
 */
final class EntityWriter {

    /** Actions whose target is the actor's own account. */
    private static final Set<String> SELF_TARGETED = Set.of("user_login", "user_logout", "user_login_failed", "anomaly",
            "user_profile_updated", "user_session_invalidated", "custom_tos_accepted", "user_email_updated");
    private static final String[] FILE_TYPES = {"pdf", "png", "jpg", "docx", "xlsx", "csv", "zip", "txt", "mp4", "pptx"};
    private static final String[] TOPICS = {"roadmap", "q3-forecast", "offsite-plan", "incident-review", "contract",
        "onboarding", "architecture", "pricing", "budget", "launch-checklist", "retro", "customer-list"};
    private static final String[] ROLES = {"Channels Admin", "Users Admin", "Roles Admin", "Conversations Admin",
        "Salesforce Admin", "Audit Logs Admin", "Custom Compliance Reviewer", "Custom Help Desk"};
    private static final String[] ACCOUNT_TYPE_ROLES = {"Channel Manager", "Workflow Builder", "Canvas Creator", "List Creator"};
    private static final String[] LEGAL_HOLDS = {"Litigation 2024-17", "SEC inquiry", "Employment dispute", "Patent case",
        "Internal investigation", "Regulatory retention"};

    private final SyntheticOrg org;

    EntityWriter(SyntheticOrg org) {
        this.org = org;
    }

    /** Writes the {@code entity} field and returns the id the {@code entity} filter matches ({@code null} for a message). */
    String write(JsonGenerator json, ActionMix.Pick pick, Person actor, App actorApp, Team home, long second,
                 SplittableRandom random) throws IOException {
        EntityKind kind = pick.entity();
        json.writeObjectFieldStart("entity");
        json.writeStringField("type", kind.type());
        json.writeObjectFieldStart(kind.type());
        String id;
        switch (kind) {
            case USER:
                id = user(json, SELF_TARGETED.contains(pick.action()) && !actor.id().startsWith("USLACK")
                        ? actor : org.members().get(random.nextInt(org.members().size())));
                break;
            case WORKSPACE:
                id = team(json, home);
                break;
            case ENTERPRISE:
                id = team(json, org.enterprise());
                break;
            case CHANNEL:
                id = channel(json, org.channels().get(random.nextInt(org.channels().size())));
                break;
            case FILE:
                id = file(json, random.nextInt(4000));
                break;
            case APP:
                id = app(json, actorApp != null ? actorApp : org.apps().get(random.nextInt(org.apps().size())));
                break;
            case MESSAGE:
                id = message(json, home, second, random);
                break;
            case HUDDLE:
                id = huddle(json, pick.action(), second, random);
                break;
            case ROLE:
                id = role(json, random.nextInt(ROLES.length));
                break;
            case USERGROUP:
                id = named(json, org.slackId("S", 13, random.nextInt(60)), "team-" + TOPICS[random.nextInt(TOPICS.length)]);
                break;
            case WORKFLOW:
                id = named(json, org.slackId("Wf", 14, random.nextInt(80)), "Request " + TOPICS[random.nextInt(TOPICS.length)]);
                break;
            case BARRIER:
                id = barrier(json, random.nextInt(10));
                break;
            case WORKFLOW_V2:
                id = workflowV2(json, pick.action(), second, random);
                break;
            case ACCOUNT_TYPE_ROLE:
                int role = random.nextInt(ACCOUNT_TYPE_ROLES.length);
                id = named(json, org.slackId("Rl", 18, role), ACCOUNT_TYPE_ROLES[role]);
                break;
            case LIST:
                id = org.slackId("F", 19, random.nextInt(500));
                json.writeStringField("id", id);
                break;
            case FUNCTION:
                id = function(json, random.nextInt(80));
                break;
            case EXTERNAL_AUTH_OAUTH2_TOKEN:
                id = oauth2Token(json, random.nextInt(40), random);
                break;
            case CANVAS:
                id = canvas(json, random.nextInt(600));
                break;
            case TEMPLATE:
                int template = random.nextInt(30);
                id = org.slackId("Tpl", 23, template);
                json.writeStringField("id", id);
                json.writeStringField("template_name", "Template: " + TOPICS[template % TOPICS.length]);
                break;
            case LEGAL_HOLD_POLICY:
                int policy = random.nextInt(LEGAL_HOLDS.length);
                id = named(json, org.slackId("LH", 24, policy), LEGAL_HOLDS[policy]);
                break;
            default:
                throw new IllegalStateException("no writer for entity type " + kind);
        }
        json.writeEndObject();
        json.writeEndObject();
        return id;
    }

    private static String user(JsonGenerator json, Person user) throws IOException {
        json.writeStringField("id", user.id());
        json.writeStringField("name", user.name());
        json.writeStringField("email", user.email());
        json.writeStringField("team", user.team());
        if (user.accountType() != null) {
            json.writeStringField("account_type", user.accountType());
        }
        return user.id();
    }

    private static String team(JsonGenerator json, Team team) throws IOException {
        json.writeStringField("id", team.id());
        json.writeStringField("name", team.name());
        json.writeStringField("domain", team.domain());
        return team.id();
    }

    private static String channel(JsonGenerator json, Channel channel) throws IOException {
        json.writeStringField("id", channel.id());
        json.writeStringField("name", channel.name());
        json.writeStringField("privacy", channel.privacy());
        json.writeBooleanField("is_shared", channel.shared());
        json.writeBooleanField("is_org_shared", channel.orgShared());
        if (channel.orgShared()) {
            JsonWriting.writeStrings(json, "teams_shared_with", channel.sharedWith());
        }
        return channel.id();
    }

    private String file(JsonGenerator json, int index) throws IOException {
        String id = org.slackId("F", 10, index);
        String type = FILE_TYPES[index % FILE_TYPES.length];
        String topic = TOPICS[(index / FILE_TYPES.length) % TOPICS.length];
        json.writeStringField("id", id);
        json.writeStringField("name", topic + "-" + index + "." + type);
        json.writeStringField("filetype", type);
        json.writeStringField("title", topic.replace('-', ' ') + " " + index);
        return id;
    }

    private static String app(JsonGenerator json, App app) throws IOException {
        json.writeStringField("id", app.id());
        json.writeStringField("name", app.name());
        json.writeBooleanField("is_distributed", app.distributed());
        json.writeBooleanField("is_directory_approved", app.directoryApproved());
        json.writeBooleanField("is_workflow_app", app.workflowApp());
        JsonWriting.writeStrings(json, "scopes", app.scopes());
        JsonWriting.writeStrings(json, "bot_scopes", app.botScopes());
        return app.id();
    }

    /** A message has no id of its own: channel, team and timestamp identify it. */
    private String message(JsonGenerator json, Team home, long second, SplittableRandom random) throws IOException {
        json.writeStringField("channel", org.channels().get(random.nextInt(org.channels().size())).id());
        json.writeStringField("team", home.id());
        json.writeStringField("timestamp", String.format("%d.%06d", second - random.nextInt(86_400), random.nextInt(1_000_000)));
        return null;
    }

    private String huddle(JsonGenerator json, String action, long second, SplittableRandom random) throws IOException {
        String id = org.slackId("R", 11, random.nextInt(1000));
        json.writeStringField("id", id);
        json.writeNumberField("date_start", second - random.nextInt(3600));
        json.writeNumberField("date_end", action.equals("huddle_ended") ? second : 0);
        json.writeArrayFieldStart("participants");
        for (int i = 2 + random.nextInt(4); i > 0; i--) {
            json.writeString(org.members().get(random.nextInt(org.members().size())).id());
        }
        json.writeEndArray();
        return id;
    }

    private String role(JsonGenerator json, int index) throws IOException {
        String id = org.slackId("Rl", 12, index);
        json.writeStringField("id", id);
        json.writeStringField("name", ROLES[index]);
        json.writeStringField("type", ROLES[index].startsWith("Custom") ? "custom" : "system");
        return id;
    }

    private static String named(JsonGenerator json, String id, String name) throws IOException {
        json.writeStringField("id", id);
        json.writeStringField("name", name);
        return id;
    }

    private String barrier(JsonGenerator json, int index) throws IOException {
        String id = org.slackId("Ba", 15, index);
        json.writeStringField("id", id);
        json.writeStringField("primary_usergroup", org.slackId("S", 13, index));
        JsonWriting.writeStrings(json, "barriered_from_usergroups", List.of(org.slackId("S", 13, index + 10)));
        JsonWriting.writeStrings(json, "restricted_subjects", List.of("im", "mpim", "call"));
        return id;
    }

    private String workflowV2(JsonGenerator json, String action, long second, SplittableRandom random) throws IOException {
        int index = random.nextInt(80);
        String id = org.slackId("Wf", 16, index);
        String appId = org.slackId("A", 17, index);
        json.writeStringField("id", id);
        json.writeStringField("app_id", appId);
        json.writeNumberField("date_updated", second - random.nextInt(30 * 86_400));
        json.writeStringField("callback_id", "workflow_" + index);
        json.writeStringField("name", "Triage " + TOPICS[index % TOPICS.length]);
        json.writeStringField("updated_by", org.members().get(random.nextInt(org.members().size())).id());
        json.writeArrayFieldStart("step_configuration");
        json.writeStartObject();
        json.writeStringField("name", "send_message");
        json.writeStringField("step_function_type", "builtin");
        json.writeStringField("step_function_app_id", appId);
        json.writeEndObject();
        json.writeEndArray();
        if (action.equals("workflow_trigger_suspicious_keyword")) {
            JsonWriting.writeStrings(json, "suspicious_keywords", List.of("password", "gift card"));
            json.writeStringField("trigger_name", "Message posted");
            JsonWriting.writeStrings(json, "trigger_channels", List.of(org.channels().get(index).id()));
        }
        return id;
    }

    private String function(JsonGenerator json, int index) throws IOException {
        String id = org.slackId("Fn", 20, index);
        json.writeStringField("id", id);
        json.writeStringField("app_id", org.slackId("A", 17, index));
        json.writeStringField("callback_id", "function_" + index);
        return id;
    }

    /** Untyped in both SDKs: provider.id overflows an int and provider.app.scopes is a string or an array. */
    private String oauth2Token(JsonGenerator json, int index, SplittableRandom random) throws IOException {
        String id = org.slackId("Et", 21, index);
        json.writeStringField("id", id);
        json.writeObjectFieldStart("provider");
        json.writeNumberField("id", 3_000_000_000L + index);
        json.writeStringField("key", "google");
        json.writeStringField("name", "Google");
        json.writeObjectFieldStart("app");
        json.writeStringField("id", org.slackId("A", 17, index));
        if (random.nextBoolean()) {
            json.writeStringField("scopes", "openid email profile");
        } else {
            JsonWriting.writeStrings(json, "scopes", List.of("openid", "email", "profile"));
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField("external_user_id", org.members().get(index).email());
        return id;
    }

    private String canvas(JsonGenerator json, int index) throws IOException {
        String id = org.slackId("F", 22, index);
        json.writeStringField("id", id);
        json.writeStringField("filetype", "quip");
        json.writeStringField("title", TOPICS[index % TOPICS.length].replace('-', ' ') + " notes");
        return id;
    }
}
