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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.slackaudit.simulator.SyntheticOrg.App;
import dev.slackaudit.simulator.SyntheticOrg.Person;
import dev.slackaudit.simulator.SyntheticOrg.Team;

/**
 * Renders one synthetic audit event: id, date_create, action, actor and context here; the entity and the
 * details through {@link EntityWriter} and {@link DetailsWriter}. An event is a pure function of the seed,
 * its index and its second, so events can be rendered in parallel and still come out the same every run.
 */
final class EventRenderer {

    /** Actions Slack attributes to its security team. */
    private static final Set<String> SLACK_SECURITY_ACTIONS = Set.of("user_password_reset_slack_security",
            "user_sessions_reset_by_circuit_breaker", "user_logout_compromised");
    /** Actions that fire without a human actor, which Slack reports as the placeholder USLACKUSER. */
    private static final Set<String> PLACEHOLDER_ACTOR_ACTIONS = Set.of("guest_expired", "scheduled_export_started",
            "scheduled_export_completed", "file_malicious_content_detected", "external_shared_channel_invite_expired",
            "external_shared_channel_invite_auto_revoked");
    private static final Set<EntityKind> ORG_LEVEL = EnumSet.of(EntityKind.ENTERPRISE, EntityKind.ROLE,
            EntityKind.ACCOUNT_TYPE_ROLE, EntityKind.LEGAL_HOLD_POLICY, EntityKind.BARRIER);
    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.39.95 Chrome/126.0.6478.127 Electron/31.2.1 Safari/537.36 Sonic Slack_SSB/4.39.95",
            "com.tinyspeck.chatlyio/24.06.10 (iPhone; iOS 17.5.1; Scale/3.00)",
            "com.Slack/24.06.10.0 (Android 14; Pixel 8)",
            "Slackbot 1.0 (+https://api.slack.com/robots)");
    private static final int[] PUBLIC_FIRST_OCTETS = {3, 18, 34, 52, 73, 81, 98, 104, 142, 185, 203};

    private static final JsonFactory JSON = new JsonFactory();

    private final long seed;
    private final long idSalt;
    private final SyntheticOrg org;
    private final ActionMix mix;
    private final EntityWriter entities;
    private final DetailsWriter details;

    EventRenderer(long seed, SyntheticOrg org, ActionMix mix) {
        this.seed = seed;
        this.idSalt = Mix.mix64(~seed);
        this.org = org;
        this.mix = mix;
        this.entities = new EntityWriter(org);
        this.details = new DetailsWriter(org);
    }

    StoredEntry render(long index, long second) {
        SplittableRandom random = randomOf(index);
        String id = eventId(index, random);
        ActionMix.Pick pick = mix.pick(random);
        Actor actor = actorFor(pick, random);
        // The workspace the action happens in: the actor's own, or any for org-level and external actors.
        Team home = org.workspace(actor.person().team())
                .orElseGet(() -> org.workspaces().get(random.nextInt(org.workspaces().size())));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        String entityId;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeNumberField("date_create", second);
            json.writeStringField("action", pick.action());
            writeActor(json, actor.person(), random);
            entityId = entities.write(json, pick, actor.person(), actor.app(), home, second, random);
            writeContext(json, pick, actor, home, random);
            details.write(json, pick.action(), second, random);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render event " + index, e);
        }
        return StoredEntry.rendered(second, id, pick.action(), actor.person().id(), entityId, out.toByteArray());
    }

    /**
     * The event at {@code index} without its JSON: the few fields ordering and filters need, drawn exactly as
     * {@link #render(long, long)} draws them, so that rendering it later gives the same event. Much cheaper than
     * rendering, which is what lets a compact history of millions of events build quickly.
     */
    StoredEntry onDemand(long index, long second) {
        SplittableRandom random = randomOf(index);
        random.nextLong(); // the id's high half, recomputed when needed
        ActionMix.Pick pick = mix.pick(random);
        return new OnDemandEntry(this, index, second, pick.action(), actorFor(pick, random).person().id());
    }

    /** The high 64 bits of the event's id (as hex, its first 16 digits); with {@link #idLow(long)} it orders ids. */
    long idHigh(long index) {
        return (randomOf(index).nextLong() & ~0xF000L) | 0x4000L;
    }

    /** The low 64 bits of the event's id: a bijection of the index, so ids never collide within one seed. */
    long idLow(long index) {
        return Mix.mix64(index ^ idSalt);
    }

    String eventId(long index) {
        return eventId(index, randomOf(index));
    }

    private SplittableRandom randomOf(long index) {
        return new SplittableRandom(Mix.mix64(seed ^ Mix.mix64(index)));
    }

    /** UUID-like, lower-case hex: comparing two ids as text compares (high, low) as unsigned numbers. */
    private String eventId(long index, SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = idLow(index);
        char[] id = new char[36];
        int at = 0;
        for (int nibble = 0; nibble < 32; nibble++) {
            if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) {
                id[at++] = '-';
            }
            long word = nibble < 16 ? high : low;
            id[at++] = Character.forDigit((int) (word >>> (60 - 4 * (nibble % 16))) & 0xF, 16);
        }
        return new String(id);
    }

    private Actor actorFor(ActionMix.Pick pick, SplittableRandom random) {
        String action = pick.action();
        if (SLACK_SECURITY_ACTIONS.contains(action)) {
            return new Actor(org.slackSecurity(), null);
        }
        if (PLACEHOLDER_ACTOR_ACTIONS.contains(action) || action.equals("user_logout") && random.nextInt(100) == 0) {
            return new Actor(org.slackUser(), null);
        }
        if (action.equals("file_downloaded") && random.nextInt(100) < 6) {
            List<Person> external = org.externalUsers();
            return new Actor(external.get(random.nextInt(external.size())), null);
        }
        if (random.nextDouble() < botShare(pick)) {
            App app = org.apps().get(random.nextInt(org.apps().size()));
            return new Actor(app.bot(), app);
        }
        // Squaring skews activity: a few members are very busy, most are occasional.
        List<Person> members = org.members();
        double r = random.nextDouble();
        int rank = (int) (members.size() * r * r);
        return new Actor(members.get((rank * 7919) % members.size()), null);
    }

    /** How often apps, rather than people, perform actions on this kind of entity. */
    private static double botShare(ActionMix.Pick pick) {
        switch (pick.entity()) {
            case APP:
            case WORKFLOW:
            case WORKFLOW_V2:
            case FUNCTION:
                return 0.3;
            case MESSAGE:
                return 0.08;
            case CHANNEL:
                return 0.05;
            case FILE:
                return pick.action().equals("file_uploaded") || pick.action().equals("file_shared") ? 0.04 : 0.0;
            case CANVAS:
            case LIST:
                return 0.03;
            default:
                return 0.0;
        }
    }

    private static void writeActor(JsonGenerator json, Person person, SplittableRandom random) throws IOException {
        json.writeObjectFieldStart("actor");
        json.writeStringField("type", "user");
        json.writeObjectFieldStart("user");
        json.writeStringField("id", person.id());
        json.writeStringField("name", person.name());
        json.writeStringField("email", person.email());
        json.writeStringField("team", person.team());
        // account_type is a later addition to the actor; only some events carry it.
        if (person.accountType() != null && random.nextInt(5) == 0) {
            json.writeStringField("account_type", person.accountType());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeContext(JsonGenerator json, ActionMix.Pick pick, Actor actor, Team home, SplittableRandom random)
            throws IOException {
        boolean atOrgLevel = ORG_LEVEL.contains(pick.entity())
                             || pick.action().startsWith("user_log") && random.nextInt(4) == 0;
        Team location = atOrgLevel ? org.enterprise() : home;
        json.writeObjectFieldStart("context");
        json.writeObjectFieldStart("location");
        json.writeStringField("type", atOrgLevel ? "enterprise" : "workspace");
        json.writeStringField("id", location.id());
        json.writeStringField("name", location.name());
        json.writeStringField("domain", location.domain());
        json.writeEndObject();
        json.writeStringField("ua", random.nextInt(100) < 3 ? "" : USER_AGENTS.get(random.nextInt(USER_AGENTS.size())));
        json.writeStringField("ip_address", PUBLIC_FIRST_OCTETS[random.nextInt(PUBLIC_FIRST_OCTETS.length)] + "."
                                            + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        // session_id drifts between a string, a number and null in real payloads: clients must take all three.
        int sessionKind = random.nextInt(100);
        if (actor.app() != null || sessionKind < 10) {
            json.writeNullField("session_id");
        } else if (sessionKind < 65) {
            json.writeStringField("session_id", Long.toString(100_000_000_000L + random.nextLong(900_000_000_000L)));
        } else {
            json.writeNumberField("session_id", 1_000_000_000_000L + random.nextLong(9_000_000_000_000L));
        }
        if (actor.app() != null) {
            writeContextApp(json, actor.app());
        }
        json.writeEndObject();
    }

    /** Only app-triggered events carry {@code context.app} (Slack stopped sending {@code "app": null}). */
    private static void writeContextApp(JsonGenerator json, App app) throws IOException {
        json.writeObjectFieldStart("app");
        json.writeStringField("id", app.id());
        json.writeStringField("name", app.name());
        JsonWriting.writeStrings(json, "scopes", app.scopes());
        JsonWriting.writeStrings(json, "scopes_bot", app.botScopes());
        json.writeStringField("creator", app.creator());
        json.writeStringField("team", app.team());
        json.writeEndObject();
    }

    private record Actor(Person person, App app) {
    }
}
