package dev.slackaudit.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The actions Slack knows, from the real {@code /actions} capture: {@code /logs} rejects any other action
 * name with {@code invalid_action}, and the synthetic org draws its events from the same list.
 */
final class ActionCatalog {

    private final byte[] capture;
    private final Map<String, List<String>> byCategory;
    private final Set<String> names;

    private ActionCatalog(byte[] capture, Map<String, List<String>> byCategory) {
        this.capture = capture;
        this.byCategory = byCategory;
        Set<String> all = new LinkedHashSet<>();
        byCategory.values().forEach(all::addAll);
        this.names = Collections.unmodifiableSet(all);
    }

    static ActionCatalog fromCapture() {
        byte[] capture = ClasspathResources.read("actions.json");
        try {
            Map<String, Map<String, List<String>>> parsed = new ObjectMapper().readValue(capture,
                    new TypeReference<LinkedHashMap<String, Map<String, List<String>>>>() { });
            return new ActionCatalog(capture, Collections.unmodifiableMap(new LinkedHashMap<>(parsed.get("actions"))));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled /actions capture is not valid JSON", e);
        }
    }

    /** The {@code /actions} body exactly as captured from Slack. */
    byte[] capture() {
        return capture;
    }

    /** Action names by category, in the capture's order; an action may sit in more than one category. */
    Map<String, List<String>> byCategory() {
        return byCategory;
    }

    boolean contains(String action) {
        return names.contains(action);
    }
}
