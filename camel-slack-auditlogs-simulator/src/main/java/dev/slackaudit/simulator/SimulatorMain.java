package dev.slackaudit.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for demos and for pointing any Slack client at it:
 * <pre>
 * java -jar camel-slack-auditlogs-simulator-&lt;version&gt;-standalone.jar --port 8099 --events 100000 --token xoxp-demo
 * java -jar camel-slack-auditlogs-simulator-&lt;version&gt;-standalone.jar --shape dense --live-rate 5 --indexing-delay 0s-20s
 * </pre>
 * Prints the base URL and serves until the process is stopped.
 */
public final class SimulatorMain {

    private static final String USAGE = "usage: SimulatorMain [--port 8099] [--events 1000] [--token xoxp-simulator]"
                                        + " [--seed 42] [--rate-limit 0] [--shape quiet|typical|dense|heavy|bursty]"
                                        + " [--tied-second COUNT[@EPOCH_SECOND]] [--live-rate EVENTS_PER_SECOND]"
                                        + " [--indexing-delay 0s-20s] [--clock-offset 0s] [--strict-range false]"
                                        + " [--compact-storage false]";
    /** Where {@code --tied-second} without a second puts it: an hour before "now", inside every shape and the default day. */
    private static final Duration TIED_SECOND_BEFORE_NOW = Duration.ofHours(1);

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SlackAuditLogsSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long building = System.nanoTime();
        SlackAuditLogsSimulator simulator = builder.build().start();
        double seconds = (System.nanoTime() - building) / 1e9;
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "slack-auditlogs-simulator-shutdown"));
        System.out.printf(Locale.ROOT, "Slack Audit Logs simulator serving %d events at %s (built in %.1f s)%n",
                simulator.eventCount(), simulator.baseUrl(), seconds);
        System.out.println("Visibility log: http://127.0.0.1:" + simulator.port() + VisibilityEndpoint.PATH);
        new CountDownLatch(1).await();
    }

    static SlackAuditLogsSimulator.Builder parse(String[] args) {
        SlackAuditLogsSimulator.Builder builder = SlackAuditLogsSimulator.builder().port(8099);
        Duration clockOffset = Duration.ZERO;
        String tiedSecond = null;
        double liveRate = 0;
        IndexingDelay indexingDelay = null;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[i + 1];
            switch (option) {
                case "--port":
                    builder.port(number(option, value));
                    break;
                case "--events":
                    builder.events(number(option, value));
                    break;
                case "--token":
                    builder.token(value);
                    break;
                case "--seed":
                    builder.seed(longNumber(option, value));
                    break;
                case "--rate-limit":
                    builder.rateLimitPerMinute(number(option, value));
                    break;
                case "--shape":
                    builder.shape(HistoryShape.parse(value));
                    break;
                case "--tied-second":
                    tiedSecond = value;
                    break;
                case "--live-rate":
                    liveRate = rate(option, value);
                    break;
                case "--indexing-delay":
                    indexingDelay = IndexingDelay.parse(value);
                    break;
                case "--clock-offset":
                    clockOffset = DurationText.parse(option, value);
                    builder.clockOffset(clockOffset);
                    break;
                case "--strict-range":
                    builder.strictRange(bool(option, value));
                    break;
                case "--compact-storage":
                    builder.compactStorage(bool(option, value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (indexingDelay != null && liveRate == 0) {
            throw new IllegalArgumentException("--indexing-delay applies to live events: add --live-rate");
        }
        if (liveRate > 0) {
            builder.live(liveRate, indexingDelay != null ? indexingDelay : SlackAuditLogsSimulator.Builder.DEFAULT_INDEXING_DELAY);
        }
        if (tiedSecond != null) {
            addTiedSecond(builder, tiedSecond, Clock.systemUTC().instant().plus(clockOffset).minus(TIED_SECOND_BEFORE_NOW));
        }
        return builder;
    }

    /** {@code COUNT} (an hour before now) or {@code COUNT@EPOCH_SECOND}. */
    private static void addTiedSecond(SlackAuditLogsSimulator.Builder builder, String value, Instant defaultSecond) {
        int at = value.indexOf('@');
        int count = number("--tied-second", at < 0 ? value : value.substring(0, at));
        Instant second = at < 0 ? defaultSecond : Instant.ofEpochSecond(longNumber("--tied-second", value.substring(at + 1)));
        builder.tiedSecond(count, second);
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
