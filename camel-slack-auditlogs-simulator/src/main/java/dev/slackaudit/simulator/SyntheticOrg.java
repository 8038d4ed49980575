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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The people and places of the synthetic Enterprise organisation, derived from the seed: one enterprise,
 * its workspaces, members (a few of them admins and owners), app bot users, external partners' users,
 * channels and apps. Entities that events only mention in passing (files, usergroups, roles...) are not
 * listed here; {@link #slackId(String, int, long)} names them on demand, so the same index is the same object.
 */
final class SyntheticOrg {

    record Team(String id, String name, String domain) {
    }

    record Person(String id, String name, String email, String team, String accountType) {
    }

    record Channel(String id, String name, String privacy, boolean shared, boolean orgShared, List<String> sharedWith) {
    }

    record App(String id, String name, boolean distributed, boolean directoryApproved, boolean workflowApp,
               List<String> scopes, List<String> botScopes, String creator, String team, Person bot) {
    }

    private static final String[] COMPANIES = {"Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Soylent",
        "Vandelay Industries", "Wonka Industries"};
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Support", "Marketing", "Finance", "People",
        "Legal", "Research"};
    private static final String[] FIRST_NAMES = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara",
        "Ken", "Frances", "Edsger", "Radia", "Tim", "Katherine", "Donald", "Hedy", "John", "Shafi", "Leslie", "Sophie",
        "Niklaus", "Anita", "Bjarne", "Jean", "Guido", "Joan", "James", "Karen", "Whitfield", "Mary", "Vint", "Lynn",
        "Brian", "Annie", "Ivan", "Adele", "Robin"};
    private static final String[] LAST_NAMES = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie",
        "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Johnson", "Knuth", "Lamarr", "McCarthy",
        "Goldwasser", "Lamport", "Wilson", "Wirth", "Borg", "Stroustrup", "Sammet", "van Rossum", "Clarke", "Gosling",
        "Spärck Jones", "Diffie", "Shaw", "Cerf", "Conway", "Kernighan", "Easley", "Sutherland", "Goldberg", "Milner"};
    private static final String[] CHANNEL_WORDS = {"general", "random", "announcements", "incidents", "deploys",
        "design", "standup", "hiring", "support-escalations", "sales-leads", "finance-close", "security", "oncall",
        "help-it", "team-offsite", "product", "customer-acme", "partners", "data", "release"};
    private static final String[] APP_NAMES = {"Google Drive", "Jira Cloud", "Zoom", "PagerDuty", "GitHub",
        "Salesforce", "Polly", "Donut", "Workday", "Box", "Asana", "Okta Sync", "Zendesk", "Datadog", "Channel Spinner",
        "Legal Hold Archiver", "eDiscovery Export", "Standup Bot"};
    private static final String[] USER_SCOPES = {"channels:read", "files:read", "users:read", "chat:write",
        "search:read", "identify", "admin.conversations:write"};
    private static final String[] BOT_SCOPES = {"channels:manage", "groups:write", "im:write", "mpim:write",
        "chat:write", "commands", "files:read", "users:read", "channels:history", "reactions:write"};
    private static final String[] PARTNERS = {"Northwind Traders", "Contoso", "Fabrikam"};
    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final long seed;
    private final Team enterprise;
    private final List<Team> workspaces = new ArrayList<>();
    private final List<Person> members = new ArrayList<>();
    private final List<Person> externalUsers = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<App> apps = new ArrayList<>();
    private final Person slackSecurity;
    private final Person slackUser;

    SyntheticOrg(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(Mix.mix64(seed));
        String company = COMPANIES[random.nextInt(COMPANIES.length)];
        String companyDomain = domainOf(company);
        this.enterprise = new Team(slackId("E", 1, 0), company, companyDomain);
        int workspaceCount = 4 + random.nextInt(4);
        for (int i = 0; i < workspaceCount; i++) {
            String name = company + " " + DEPARTMENTS[i];
            workspaces.add(new Team(slackId("T", 2, i), name, domainOf(name)));
        }
        List<Team> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS.length; i++) {
            partners.add(new Team(slackId("T", 3, i), PARTNERS[i], domainOf(PARTNERS[i])));
        }
        for (int i = 0; i < 600; i++) {
            members.add(member(i, random, companyDomain));
        }
        for (int i = 0; i < 30; i++) {
            Team partner = partners.get(i % partners.size());
            String name = FIRST_NAMES[(i * 7 + 3) % FIRST_NAMES.length] + " " + LAST_NAMES[(i * 5 + 1) % LAST_NAMES.length];
            externalUsers.add(new Person(slackId("U", 4, i), name, emailOf(name, i, partner.domain() + ".example"),
                    partner.id(), "Member"));
        }
        for (int i = 0; i < 400; i++) {
            channels.add(channel(i, random));
        }
        for (int i = 0; i < APP_NAMES.length; i++) {
            apps.add(app(i, random));
        }
        this.slackSecurity = new Person("USLACKSECURITY", "Slack Security", "", enterprise.id(), null);
        this.slackUser = new Person("USLACKUSER", "Slack", "", enterprise.id(), null);
    }

    private Person member(int i, SplittableRandom random, String companyDomain) {
        String name = FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i / FIRST_NAMES.length + i) % LAST_NAMES.length];
        // Grid users have W ids; a few legacy workspace-only accounts keep their U ids.
        String id = slackId(random.nextInt(10) == 0 ? "U" : "W", 5, i);
        String team = random.nextInt(5) == 0 ? enterprise.id() : workspaces.get(random.nextInt(workspaces.size())).id();
        String accountType = i == 0 ? "Primary Owner" : i < 4 ? "Owner" : i < 15 ? "Admin" : i % 25 == 0 ? "Guest" : "Member";
        return new Person(id, name, emailOf(name, i, companyDomain + ".example"), team, accountType);
    }

    private Channel channel(int i, SplittableRandom random) {
        String name = CHANNEL_WORDS[i % CHANNEL_WORDS.length] + (i < CHANNEL_WORDS.length ? "" : "-" + i);
        boolean orgShared = random.nextInt(4) == 0;
        List<String> sharedWith = new ArrayList<>();
        if (orgShared) {
            int first = random.nextInt(workspaces.size());
            sharedWith.add(workspaces.get(first).id());
            sharedWith.add(workspaces.get((first + 1) % workspaces.size()).id());
        }
        return new Channel(slackId("C", 6, i), name, random.nextInt(10) < 7 ? "public" : "private",
                random.nextInt(10) == 0, orgShared, List.copyOf(sharedWith));
    }

    private App app(int i, SplittableRandom random) {
        String id = slackId("A", 7, i);
        Team team = workspaces.get(random.nextInt(workspaces.size()));
        String name = APP_NAMES[i];
        // Bot users are users too; Slack shows them with a botuser-<team>-<app>@slack-bots.com address.
        Person bot = new Person(slackId("W", 8, i), name, "botuser-" + team.id() + "-" + id + "@slack-bots.com", team.id(),
                "Member");
        return new App(id, name, random.nextBoolean(), random.nextInt(3) == 0, random.nextInt(4) == 0,
                subset(USER_SCOPES, random), subset(BOT_SCOPES, random), members.get(random.nextInt(15)).id(), team.id(), bot);
    }

    private static List<String> subset(String[] values, SplittableRandom random) {
        List<String> picked = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                picked.add(value);
            }
        }
        return List.copyOf(picked);
    }

    /**
     * A Slack-style id ({@code prefix} plus 9 upper-case alphanumerics), the same for the same seed, kind and index.
     *
     * @param kind separates id spaces, so file 7 and usergroup 7 get different ids
     */
    String slackId(String prefix, int kind, long index) {
        long bits = Mix.mix64(seed ^ Mix.mix64(((long) kind << 40) ^ index));
        StringBuilder id = new StringBuilder(prefix.length() + 9).append(prefix);
        for (int i = 0; i < 9; i++) {
            id.append(ID_ALPHABET[(int) Long.remainderUnsigned(bits, ID_ALPHABET.length)]);
            bits = Long.divideUnsigned(bits, ID_ALPHABET.length);
        }
        return id.toString();
    }

    private static String domainOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String emailOf(String name, int index, String domain) {
        return domainOf(name).replace('-', '.') + index + "@" + domain;
    }

    Team enterprise() {
        return enterprise;
    }

    List<Team> workspaces() {
        return workspaces;
    }

    List<Person> members() {
        return members;
    }

    List<Person> externalUsers() {
        return externalUsers;
    }

    List<Channel> channels() {
        return channels;
    }

    List<App> apps() {
        return apps;
    }

    /** The actor Slack reports when its security team reset a user's credentials. */
    Person slackSecurity() {
        return slackSecurity;
    }

    /** The placeholder actor of events that fire without one. */
    Person slackUser() {
        return slackUser;
    }

    /** The workspace with this id; empty for the enterprise's id and partners' teams. */
    Optional<Team> workspace(String teamId) {
        return workspaces.stream().filter(w -> w.id().equals(teamId)).findFirst();
    }
}
