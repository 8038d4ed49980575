package dev.slackaudit.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for demos and for pointing any Slack client at it:
 * <pre>
 * java -jar camel-slack-auditlogs-simulator-&lt;version&gt;-standalone.jar --port 8099 --events 100000 --token xoxp-demo
 * </pre>
 * Prints the base URL and serves until the process is stopped.
 */
public final class SimulatorMain {

    private static final String USAGE = "usage: SimulatorMain [--port 8099] [--events 1000] [--token xoxp-simulator]"
                                        + " [--seed 42] [--rate-limit 0]";

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
        SlackAuditLogsSimulator simulator = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "slack-auditlogs-simulator-shutdown"));
        System.out.println("Slack Audit Logs simulator serving " + simulator.eventCount() + " events at " + simulator.baseUrl());
        new CountDownLatch(1).await();
    }

    static SlackAuditLogsSimulator.Builder parse(String[] args) {
        SlackAuditLogsSimulator.Builder builder = SlackAuditLogsSimulator.builder().port(8099);
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
                    builder.seed(Long.parseLong(value));
                    break;
                case "--rate-limit":
                    builder.rateLimitPerMinute(number(option, value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }
}
