package dev.slackaudit.benchmarks;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where every contender puts each event's JSON: the same work for all of them. It adds the text's length to a
 * total, so no JIT can prove the JSON unused and skip building it, and costs next to nothing otherwise.
 * <p>
 * In verifying mode (the smoke test) it also parses each event's {@code id}, so the harness can check that every
 * event arrived exactly once; that is never timed.
 * <p>
 * Not thread-safe: every contender delivers from one thread, and the harness reads the totals only after the drain
 * has ended (a latch or a volatile read orders them).
 */
final class JsonSink {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> ids;
    private long events;
    private long chars;

    JsonSink(boolean recordIds) {
        this.ids = recordIds ? new ArrayList<>() : null;
    }

    void accept(String json) {
        events++;
        chars += json.length();
        if (ids != null) {
            ids.add(idOf(json));
        }
    }

    long events() {
        return events;
    }

    long chars() {
        return chars;
    }

    /** The ids seen, in arrival order; empty unless recording. */
    List<String> ids() {
        return ids == null ? List.of() : ids;
    }

    private static String idOf(String json) {
        try {
            return MAPPER.readTree(json).path("id").asText(null);
        } catch (Exception e) {
            throw new IllegalStateException("a contender delivered something that is not an event: " + json, e);
        }
    }
}
