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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the optional, action-specific {@code details}, including the shapes that drift in real payloads
 * (docs/slack-api.md, The fields of an event): {@code new_value}/{@code previous_value} as string, array or object,
 * {@code succeeded_users} as an array or a JSON-encoded string, anomaly {@code reason} arrays with a
 * microsecond {@code action_timestamp}, and {@code exporting_team_id} beyond 32 bits.
 */
final class DetailsWriter {

    private static final String[] RETENTION_VALUES = {"RETAIN_ALL", "RETAIN_MSGS", "EXPIRE_ALL", "EXPIRE_MSGS"};
    private static final String[] WHO_CAN_VALUES = {"ORG_ADMINS_AND_OWNERS", "TOPLEVEL_ADMINS_AND_OWNERS_AND_SELECTED",
        "EVERYONE", "ORG_OWNERS"};
    private static final String[] ANOMALY_REASONS = {"asn", "excessive_downloads", "excessive_file_shares", "ip_address",
        "session_fingerprint", "tor", "unexpected_admin_action", "unexpected_api_call_volume", "unexpected_client",
        "unexpected_scraping", "unexpected_user_agent", "user_agent"};
    private static final String[] IP_ADDRESS_DETAILS = {"new-asn", "cloud-asn", "in-ioc-list"};
    private static final String[] CITIES = {"Reno, Nevada", "Dublin, Leinster", "Singapore", "Sao Paulo, Sao Paulo",
        "Frankfurt am Main, Hesse", "Ashburn, Virginia"};
    private static final String[] SCOPES = {"channels:read", "channels:history", "chat:write", "files:read", "users:read",
        "users:read.email", "groups:history", "admin"};

    private final SyntheticOrg org;

    DetailsWriter(SyntheticOrg org) {
        this.org = org;
    }

    /** Writes the {@code details} field for actions that have details in real logs; writes nothing otherwise. */
    void write(JsonGenerator json, String action, long second, SplittableRandom random) throws IOException {
        if (ActionMix.isPreference(action)) {
            json.writeObjectFieldStart("details");
            preferenceChange(json, action, random);
            json.writeEndObject();
            return;
        }
        switch (action) {
            case "anomaly":
                json.writeObjectFieldStart("details");
                anomaly(json, second, random);
                json.writeEndObject();
                break;
            case "user_session_reset_by_admin":
                json.writeObjectFieldStart("details");
                sessionReset(json, random);
                json.writeEndObject();
                break;
            case "app_installed":
            case "app_approved":
            case "org_app_installed":
            case "app_scopes_expanded":
                json.writeObjectFieldStart("details");
                appScopes(json, action, random);
                json.writeEndObject();
                break;
            case "manual_export_started":
            case "manual_export_completed":
            case "scheduled_export_started":
            case "scheduled_export_completed":
                json.writeObjectFieldStart("details");
                export(json, action, second, random);
                json.writeEndObject();
                break;
            case "channel_retention_changed":
                json.writeObjectFieldStart("details");
                retentionPolicy(json, "old_retention_policy", random);
                retentionPolicy(json, "new_retention_policy", random);
                json.writeEndObject();
                break;
            case "file_shared":
                json.writeObjectFieldStart("details");
                json.writeObjectFieldStart("shared_with");
                json.writeStringField("channel_id", org.channels().get(random.nextInt(org.channels().size())).id());
                json.writeStringField("access_level", random.nextBoolean() ? "read" : "write");
                json.writeEndObject();
                json.writeEndObject();
                break;
            case "guest_expiration_set":
                json.writeObjectFieldStart("details");
                json.writeNumberField("expires_on", second + (1 + random.nextInt(90)) * 86_400L);
                json.writeEndObject();
                break;
            default:
                break;
        }
    }

    /** The value's shape follows the preference, as in the captured payloads of java-slack-sdk issue #525. */
    private void preferenceChange(JsonGenerator json, String action, SplittableRandom random) throws IOException {
        if (action.startsWith("pref.who_can_")) {
            whoCan(json, "new_value", WHO_CAN_VALUES[random.nextInt(WHO_CAN_VALUES.length)]);
            whoCan(json, "previous_value", WHO_CAN_VALUES[random.nextInt(WHO_CAN_VALUES.length)]);
        } else if (action.contains("channels") || action.contains("workspaces")) {
            JsonWriting.writeStrings(json, "new_value", List.of(org.channels().get(random.nextInt(org.channels().size())).id()));
            // A list that was empty before is sent as [], not omitted.
            JsonWriting.writeStrings(json, "previous_value", random.nextBoolean() ? List.of()
                    : List.of(org.channels().get(random.nextInt(org.channels().size())).id()));
        } else if (action.contains("retention")) {
            json.writeStringField("new_value", RETENTION_VALUES[random.nextInt(RETENTION_VALUES.length)]);
            json.writeStringField("previous_value", RETENTION_VALUES[random.nextInt(RETENTION_VALUES.length)]);
        } else {
            boolean enabled = random.nextBoolean();
            json.writeStringField("new_value", Boolean.toString(enabled));
            json.writeStringField("previous_value", Boolean.toString(!enabled));
        }
    }

    private static void whoCan(JsonGenerator json, String field, String value) throws IOException {
        json.writeObjectFieldStart(field);
        JsonWriting.writeStrings(json, "type", List.of(value));
        json.writeEndObject();
    }

    /** After Slack's anomalous-events reference: microsecond timestamp, reason codes, IP reputation details. */
    private static void anomaly(JsonGenerator json, long second, SplittableRandom random) throws IOException {
        json.writeNumberField("action_timestamp", (second - random.nextInt(120)) * 1_000_000L + random.nextInt(1_000_000));
        json.writeStringField("location", CITIES[random.nextInt(CITIES.length)]);
        boolean sameSession = random.nextInt(3) == 0;
        json.writeStringField("previous_ip_address", sameSession ? "" : "198.51.100." + (1 + random.nextInt(254)));
        json.writeStringField("previous_ua", sameSession ? "" : "Mozilla/5.0 (X11; Linux i686; rv:10.0) Gecko/20100101 Firefox/10.0");
        List<String> reasons = new ArrayList<>();
        reasons.add(ANOMALY_REASONS[random.nextInt(ANOMALY_REASONS.length)]);
        if (random.nextInt(3) == 0) {
            String another = ANOMALY_REASONS[random.nextInt(ANOMALY_REASONS.length)];
            if (!reasons.contains(another)) {
                reasons.add(another);
            }
        }
        JsonWriting.writeStrings(json, "reason", reasons);
        if (reasons.contains("ip_address") || reasons.contains("asn") || reasons.contains("tor")) {
            JsonWriting.writeStrings(json, "ip_address_details", List.of(IP_ADDRESS_DETAILS[random.nextInt(IP_ADDRESS_DETAILS.length)]));
        }
        if (reasons.contains("unexpected_client") || reasons.contains("user_agent")) {
            json.writeStringField("detected_client", "python-requests");
            json.writeStringField("detected_os", "Linux");
        }
        if (reasons.contains("unexpected_api_call_volume")) {
            json.writeStringField("api_call_method", "conversations.history");
        }
    }

    /** For historical reasons Slack sends the user lists either as arrays or as one JSON-encoded string. */
    private void sessionReset(JsonGenerator json, SplittableRandom random) throws IOException {
        json.writeBooleanField("mobile_only", random.nextInt(4) == 0);
        json.writeBooleanField("web_only", random.nextInt(4) == 0);
        json.writeBooleanField("non_sso_only", random.nextInt(4) == 0);
        List<String> succeeded = randomMemberIds(1 + random.nextInt(4), random);
        List<String> failed = randomMemberIds(random.nextInt(2), random);
        if (random.nextBoolean()) {
            JsonWriting.writeStrings(json, "succeeded_users", succeeded);
            JsonWriting.writeStrings(json, "failed_users", failed);
        } else {
            json.writeStringField("succeeded_users", encodedList(succeeded));
            json.writeStringField("failed_users", encodedList(failed));
        }
    }

    private List<String> randomMemberIds(int count, SplittableRandom random) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(org.members().get(random.nextInt(org.members().size())).id());
        }
        return ids;
    }

    /** Slack's own spelling: {@code ["W111", "W222"]}, with a space after each comma. */
    private static String encodedList(List<String> ids) {
        return ids.isEmpty() ? "[]" : "[\"" + String.join("\", \"", ids) + "\"]";
    }

    private void appScopes(JsonGenerator json, String action, SplittableRandom random) throws IOException {
        List<String> previous = scopes(random);
        if (action.equals("app_scopes_expanded")) {
            List<String> added = new ArrayList<>(previous);
            added.add("admin.users:write");
            JsonWriting.writeStrings(json, "new_scopes", added);
            JsonWriting.writeStrings(json, "previous_scopes", previous);
        } else {
            JsonWriting.writeStrings(json, "scopes", previous);
            json.writeStringField("installer_user_id", org.members().get(random.nextInt(15)).id());
        }
        JsonWriting.writeStrings(json, "bot_scopes", scopes(random));
        json.writeBooleanField("is_internal_integration", random.nextInt(4) == 0);
        json.writeBooleanField("granular_bot_token", true);
        json.writeBooleanField("is_token_rotation_enabled_app", random.nextInt(5) == 0);
    }

    private static List<String> scopes(SplittableRandom random) {
        List<String> picked = new ArrayList<>();
        for (String scope : SCOPES) {
            if (random.nextInt(3) == 0) {
                picked.add(scope);
            }
        }
        return picked;
    }

    private void export(JsonGenerator json, String action, long second, SplittableRandom random) throws IOException {
        json.writeStringField("export_type", action.startsWith("manual") ? "STANDARD" : "SCHEDULED");
        json.writeStringField("export_start_ts", Long.toString(second - 30 * 86_400L));
        json.writeStringField("export_end_ts", Long.toString(second));
        // Larger than 2^31: a client that reads it into an int breaks.
        json.writeNumberField("exporting_team_id", 1_134_128_598_372L + random.nextInt(1000));
    }

    private static void retentionPolicy(JsonGenerator json, String field, SplittableRandom random) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("type", RETENTION_VALUES[random.nextInt(RETENTION_VALUES.length)]);
        json.writeNumberField("duration_days", 30 * (1 + random.nextInt(24)));
        json.writeEndObject();
    }
}
