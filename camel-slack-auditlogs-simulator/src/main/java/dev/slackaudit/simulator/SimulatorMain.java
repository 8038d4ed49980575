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

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for demos and for pointing any Slack client at it:
 * <pre>
 * java -jar camel-slack-auditlogs-simulator-&lt;version&gt;-standalone.jar --port 8099 --events 100000 --token xoxp-demo
 * java -jar camel-slack-auditlogs-simulator-&lt;version&gt;-standalone.jar --shape dense --live-rate 5 --indexing-delay 0s-20s
 * java -jar camel-slack-auditlogs-simulator-&lt;version&gt;-standalone.jar --live-rate 2 --late-tail 0.001:10m-3h
 * </pre>
 * Prints the base URL and what is switched on, and serves until the process is stopped. {@code --help} lists every
 * option with its default.
 */
public final class SimulatorMain {

    /** Every option, its value, its default as --help prints it, and what it does: the source of --help. */
    static final List<Flag> FLAGS = List.of(
            new Flag("--port", "N", "8099", "the port on 127.0.0.1 (0 = any free one)"),
            new Flag("--events", "N", "1000", "synthetic events over the 24 h ending 2 min before start-up"),
            new Flag("--token", "T", "xoxp-simulator", "the bearer token /logs accepts"),
            new Flag("--seed", "N", "42", "same seed, same data (and the same faults)"),
            new Flag("--rate-limit", "N", "0 (unlimited)", "requests per rolling minute, then 429"),
            new Flag("--shape", "S", "none", "quiet, typical, dense, heavy or bursty; replaces --events"),
            new Flag("--tied-second", "N[@EPOCH_SECOND]", "none", "N more events all at one second (default: an hour before now)"),
            new Flag("--compact-storage", "B", "false", "true: render entries when served (for --shape heavy)"),
            new Flag("--live-rate", "R", "off", "live mode: R events per second (may be fractional, e.g. 0.5)"),
            new Flag("--indexing-delay", "D", "0s-20s", "live events' late indexing, the delay before they are visible:"
                                                        + " 5s (fixed) or 0s-20s (uniform); needs --live-rate"),
            new Flag("--late-tail", "P:D-D", "off", "a share of live events indexed far later, e.g. 0.001:10m-3h (one in a"
                                                    + " thousand, 10 min to 3 h late), to show a collector's recheck;"
                                                    + " needs --live-rate"),
            new Flag("--clock-offset", "D", "0s", "the server clock's shift from the machine's, e.g. -120s, 90s, 2m"),
            new Flag("--date-header-offset", "D", "0s", "the Date header's shift from the server clock, and nothing else's:"
                                                        + " a proxy with a clock of its own (a fault, not Slack's"
                                                        + " behaviour), e.g. 90s with --clock-offset -90s"),
            new Flag("--strict-range", "B", "false", "true: invalid_range for a bound in the future or before March 2018"),
            new Flag("--fault-rate", "P", "0 (none)", "the share of /logs requests that fail, from 0 to 1 (0.05 = 5 %)"),
            new Flag("--fault-kinds", "K,K...", "503", "what a failing request gets, picked at random: an HTTP status"
                                                       + " (500, 502, 503, 504; 429 with Retry-After: 1), reset (dropped"
                                                       + " mid-body), truncated (half a JSON body), slow (answers after"
                                                       + " 65 s, past a 60 s read timeout)"),
            new Flag("--unauthorized-body", "B", "true", "false: a bad token gets a 401 without a body, as Slack has been"
                                                          + " seen answering"),
            new Flag("--help", "", "", "this list"));

    private static final Duration SLOW_FAULT = Duration.ofSeconds(65);
    /** Where {@code --tied-second} without a second puts it: an hour before "now", inside every shape and the default day. */
    private static final Duration TIED_SECOND_BEFORE_NOW = Duration.ofHours(1);

    private SimulatorMain() {
    }

    /** One option of the command line. */
    record Flag(String name, String value, String defaultValue, String help) {
    }

    /** What the command line asked for: the builder, and the lines saying what is on. */
    record CommandLine(SlackAuditLogsSimulator.Builder builder, List<String> switchedOn) {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.print(help());
            return;
        }
        CommandLine commandLine;
        try {
            commandLine = parseCommandLine(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        long building = System.nanoTime();
        SlackAuditLogsSimulator simulator;
        try {
            simulator = commandLine.builder().build().start();
        } catch (UncheckedIOException e) {
            System.err.println(startFailure(e));
            System.exit(1);
            return;
        }
        double seconds = (System.nanoTime() - building) / 1e9;
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "slack-auditlogs-simulator-shutdown"));
        printStarted(System.out, simulator, seconds, commandLine.switchedOn());
        new CountDownLatch(1).await();
    }

    static void printStarted(PrintStream out, SlackAuditLogsSimulator simulator, double seconds, List<String> switchedOn) {
        out.printf(Locale.ROOT, "Slack Audit Logs simulator serving %d events at %s (built in %.1f s)%n",
                simulator.eventCount(), simulator.baseUrl(), seconds);
        out.println("On: " + (switchedOn.isEmpty() ? "the history only (no live mode, clock offset, rate limit or faults)"
                : String.join("; ", switchedOn)));
        out.println("Visibility log: http://127.0.0.1:" + simulator.port() + VisibilityEndpoint.PATH);
    }

    /** One line for a start that failed: a port in use says so, without a stack trace. */
    static String startFailure(UncheckedIOException e) {
        if (e.getCause() instanceof BindException) {
            return e.getMessage().replace("cannot bind", "Cannot listen on") + ": the port is in use. Stop what listens"
                   + " there, or pass another --port (0 picks a free one)";
        }
        return "Cannot start the simulator: " + e.getMessage() + ": " + e.getCause();
    }

    /** The --help text: usage, then every option with its default. */
    static String help() {
        StringBuilder help = new StringBuilder("usage: java -jar camel-slack-auditlogs-simulator-<version>-standalone.jar"
                                               + " [options]\n");
        for (Flag flag : FLAGS) {
            String option = flag.value().isEmpty() ? flag.name() : flag.name() + " " + flag.value();
            String fallback = flag.defaultValue().isEmpty() ? "" : " (default: " + flag.defaultValue() + ")";
            help.append(String.format(Locale.ROOT, "  %-36s %s%s%n", option, flag.help(), fallback));
        }
        return help.toString();
    }

    static SlackAuditLogsSimulator.Builder parse(String[] args) {
        return parseCommandLine(args).builder();
    }

    static CommandLine parseCommandLine(String[] args) {
        SlackAuditLogsSimulator.Builder builder = SlackAuditLogsSimulator.builder().port(8099);
        List<String> on = new ArrayList<>();
        Duration clockOffset = Duration.ZERO;
        String tiedSecond = null;
        double liveRate = 0;
        String liveRateText = "";
        IndexingDelay indexingDelay = null;
        String indexingDelayText = "0s-20s";
        String lateTail = null;
        long seed = 42;
        double faultRate = 0;
        String faultKinds = "503";
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[i + 1];
            switch (option) {
                case "--port" -> builder.port(number(option, value));
                case "--events" -> builder.events(number(option, value));
                case "--token" -> builder.token(value);
                case "--seed" -> {
                    seed = longNumber(option, value);
                    builder.seed(seed);
                }
                case "--rate-limit" -> {
                    builder.rateLimitPerMinute(number(option, value));
                    on.add("rate limit " + value + " requests a minute");
                }
                case "--shape" -> {
                    builder.shape(HistoryShape.parse(value));
                    on.add("history shape " + value);
                }
                case "--tied-second" -> tiedSecond = value;
                case "--live-rate" -> {
                    liveRate = rate(option, value);
                    liveRateText = value;
                }
                case "--indexing-delay" -> {
                    indexingDelay = IndexingDelay.parse(value);
                    indexingDelayText = value;
                }
                case "--late-tail" -> {
                    IndexingDelay.none().withLateTail(value); // checked here, applied with the indexing delay below
                    lateTail = value;
                }
                case "--clock-offset" -> {
                    clockOffset = DurationText.parse(option, value);
                    builder.clockOffset(clockOffset);
                    on.add("server clock " + value + " from the machine's");
                }
                case "--date-header-offset" -> {
                    builder.dateHeaderOffset(DurationText.parse(option, value));
                    on.add("Date header " + value + " from the server clock");
                }
                case "--strict-range" -> {
                    builder.strictRange(bool(option, value));
                    on.add("strict range " + value);
                }
                case "--compact-storage" -> builder.compactStorage(bool(option, value));
                case "--fault-rate" -> faultRate = probability(option, value);
                case "--fault-kinds" -> faultKinds = value;
                case "--unauthorized-body" -> {
                    builder.unauthorizedBody(bool(option, value));
                    if (!bool(option, value)) {
                        on.add("401 without a body");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (indexingDelay != null && liveRate == 0) {
            throw new IllegalArgumentException("--indexing-delay applies to live events: add --live-rate");
        }
        if (lateTail != null && liveRate == 0) {
            throw new IllegalArgumentException("--late-tail applies to live events: add --live-rate");
        }
        if (liveRate > 0) {
            IndexingDelay delay = indexingDelay != null ? indexingDelay : SlackAuditLogsSimulator.Builder.DEFAULT_INDEXING_DELAY;
            builder.live(liveRate, lateTail == null ? delay : delay.withLateTail(lateTail));
            String tail = lateTail == null ? "" : ", a share of " + lateTail.replace(":", " of them ") + " late";
            on.add(0, "live mode, " + liveRateText + " events a second, visible " + indexingDelayText + " after they happen" + tail);
        }
        if (faultRate > 0) {
            builder.faults(FaultPlan.none().random(seed, faultRate, faults(faultKinds)));
            on.add("faults on " + faultRate + " of /logs requests (" + faultKinds + ")");
        }
        if (tiedSecond != null) {
            addTiedSecond(builder, tiedSecond, Clock.systemUTC().instant().plus(clockOffset).minus(TIED_SECOND_BEFORE_NOW));
            on.add("tied second " + tiedSecond);
        }
        return new CommandLine(builder, on);
    }

    /** {@code 503,reset,slow}: the faults --fault-kinds names. */
    static Fault[] faults(String kinds) {
        List<Fault> faults = new ArrayList<>();
        for (String kind : kinds.split(",")) {
            switch (kind.strip()) {
                case "reset" -> faults.add(Fault.reset());
                case "truncated" -> faults.add(Fault.truncated());
                case "slow" -> faults.add(Fault.slow(SLOW_FAULT));
                case "429" -> faults.add(Fault.rateLimited(1));
                case "500", "502", "503", "504" -> faults.add(Fault.status(Integer.parseInt(kind.strip())));
                default -> throw new IllegalArgumentException("--fault-kinds takes 500, 502, 503, 504, 429, reset,"
                                                              + " truncated or slow, separated by commas, got " + kind);
            }
        }
        return faults.toArray(Fault[]::new);
    }

    /** {@code COUNT} (an hour before now) or {@code COUNT@EPOCH_SECOND}. */
    private static void addTiedSecond(SlackAuditLogsSimulator.Builder builder, String value, Instant defaultSecond) {
        int at = value.indexOf('@');
        int count = number("--tied-second", at < 0 ? value : value.substring(0, at));
        Instant second = at < 0 ? defaultSecond : Instant.ofEpochSecond(longNumber("--tied-second", value.substring(at + 1)));
        builder.tiedSecond(count, second);
    }

    private static double probability(String option, String value) {
        try {
            double probability = Double.parseDouble(value);
            if (probability >= 0 && probability <= 1) {
                return probability;
            }
        } catch (NumberFormatException notANumber) {
            // same message as a number out of range
        }
        throw new IllegalArgumentException(option + " needs a share from 0 to 1 (0.05 = 5 %), got " + value);
    }

    private static double rate(String option, String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate > 0 && !Double.isInfinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException notANumber) {
            // same message as a non-positive rate
        }
        throw new IllegalArgumentException(option + " needs a positive number of events per second (e.g. 5 or 0.5), got " + value);
    }

    private static boolean bool(String option, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(option + " needs true or false, got " + value);
        }
    }

    private static long longNumber(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }
}
