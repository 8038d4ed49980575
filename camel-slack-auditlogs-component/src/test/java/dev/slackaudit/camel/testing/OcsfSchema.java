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
package dev.slackaudit.camel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OCSF schema as its own JSON definitions state it (src/test/resources/ocsf-schema/&lt;version&gt;/, copied from
 * ocsf/ocsf-schema at the release tag), compiled the way the schema defines: a class or object {@code extends} its
 * parent (its attributes override the parent's, key by key), {@code $include} brings a profile's attributes in, marked
 * with the profile's name, and each attribute's type, enum and array-ness come from dictionary.json, overridden by
 * what the class or object says.
 * <p>
 * {@link #validate} checks a document against it: every attribute exists in its class or object, recursively; every
 * required attribute is there; the constraints ({@code at_least_one}, {@code just_one}) hold; values have their type's
 * JSON kind, match the type's pattern and are among the enum's values; a name is its id's caption ({@code activity_name}
 * of {@code activity_id}, Other aside); no attribute is deprecated or belongs to a profile the document does not
 * declare; and the class, category and type ids agree.
 */
public final class OcsfSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, JsonNode> events = new HashMap<>();
    private final Map<String, JsonNode> objects = new HashMap<>();
    private final Map<String, Integer> categoryUids = new HashMap<>();
    private final Map<Integer, String> categoryCaptions = new HashMap<>();
    private final Map<Integer, String> classOfUid = new HashMap<>();
    private final Map<String, ResolvedType> resolvedClasses = new HashMap<>();
    private final Map<String, ResolvedType> resolvedObjects = new HashMap<>();
    private final JsonNode dictionary;
    private final JsonNode types;
    private final Path root;

    private OcsfSchema(Path root) {
        this.root = root;
        this.dictionary = read(root.resolve("dictionary.json")).path("attributes");
        this.types = read(root.resolve("dictionary.json")).path("types").path("attributes");
        read(root.resolve("categories.json")).path("attributes").fields()
                .forEachRemaining(category -> {
                    categoryUids.put(category.getKey(), category.getValue().path("uid").asInt());
                    categoryCaptions.put(category.getValue().path("uid").asInt(), category.getValue().path("caption").asText());
                });
        definitions("events").forEach(definition -> events.put(definition.path("name").asText(), definition));
        definitions("objects").forEach(definition -> objects.put(definition.path("name").asText(), definition));
        for (String name : events.keySet()) {
            ResolvedType resolved = eventClass(name);
            if (resolved.uid() >= 0) {
                classOfUid.put(resolved.uid(), name);
            }
        }
    }

    /** The schema copied for this OCSF version. */
    public static OcsfSchema load(String version) {
        URL dictionary = OcsfSchema.class.getResource("/ocsf-schema/" + version + "/dictionary.json");
        if (dictionary == null) {
            throw new IllegalArgumentException("No OCSF schema " + version + " in the test resources");
        }
        try {
            return new OcsfSchema(Path.of(dictionary.toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class or object with its attributes and constraints resolved; {@code uid} is the class uid, -1 if none. */
    public record ResolvedType(String name, int uid, int categoryUid, ObjectNode attributes, JsonNode constraints) {
    }

    /** The class of this name: its attributes after inheritance and includes. */
    public ResolvedType eventClass(String name) {
        return cached(resolvedClasses, name, this::resolveClass);
    }

    private ResolvedType resolveClass(String name) {
        ResolvedType raw = rawType(events, name);
        ObjectNode attributes = withDictionary(raw.attributes());
        if (raw.uid() >= 0) {
            // as the schema server compiles a class: its class_uid and category_uid enums hold its own ids only
            String categoryCaption = categoryCaptions.getOrDefault(raw.categoryUid(),
                    attributes.at("/category_uid/enum/" + raw.categoryUid() + "/caption").asText());
            ((ObjectNode) attributes.get("class_uid")).putObject("enum").putObject(String.valueOf(raw.uid()))
                    .put("caption", events.get(name).path("caption").asText());
            ((ObjectNode) attributes.get("category_uid")).putObject("enum").putObject(String.valueOf(raw.categoryUid()))
                    .put("caption", categoryCaption);
        }
        return new ResolvedType(name, raw.uid(), raw.categoryUid(), attributes, raw.constraints());
    }

    /** The object of this name, with its attributes after inheritance and includes. */
    ResolvedType object(String name) {
        return cached(resolvedObjects, name, this::resolveObject);
    }

    /** Resolving is recursive, so not through computeIfAbsent (which must not change the map meanwhile). */
    private static ResolvedType cached(Map<String, ResolvedType> cache, String name, Function<String, ResolvedType> resolve) {
        ResolvedType resolved = cache.get(name);
        if (resolved == null) {
            resolved = resolve.apply(name);
            cache.put(name, resolved);
        }
        return resolved;
    }

    private ResolvedType resolveObject(String name) {
        if (!objects.containsKey(name)) {
            throw new IllegalArgumentException("No object " + name + " in the copied schema: copy objects/" + name
                                               + ".json from the schema's release");
        }
        ResolvedType raw = rawType(objects, name);
        return new ResolvedType(name, -1, -1, withDictionary(raw.attributes()), raw.constraints());
    }

    /** A class or object as its files say, before the dictionary: the parent's attributes under its own. */
    private ResolvedType rawType(Map<String, JsonNode> definitions, String name) {
        JsonNode definition = definitions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("No definition of " + name + " in the copied schema");
        }
        ObjectNode attributes = ownAttributes(definition);
        JsonNode constraints = definition.path("constraints");
        int categoryUid = -1;
        if (definition.has("extends")) {
            ResolvedType parent = rawType(definitions, definition.path("extends").asText());
            attributes = merge(parent.attributes().deepCopy(), attributes);
            constraints = definition.has("constraints") ? constraints : parent.constraints();
            categoryUid = parent.categoryUid();
        }
        if (definition.has("category")) {
            categoryUid = categoryUids.getOrDefault(definition.path("category").asText(), 0);
        }
        int uid = -1;
        if ("base_event".equals(name)) {
            uid = 0;
        } else if (definition.has("uid")) {
            uid = categoryUid * 1000 + definition.path("uid").asInt();
        }
        return new ResolvedType(name, uid, categoryUid, attributes, constraints);
    }

    /** Each attribute as the dictionary defines it, overridden by what the class or object says. */
    private ObjectNode withDictionary(ObjectNode attributes) {
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        attributes.fields().forEachRemaining(attribute -> {
            JsonNode general = dictionary.get(attribute.getKey());
            ObjectNode merged = general == null ? JsonNodeFactory.instance.objectNode() : general.deepCopy();
            resolved.set(attribute.getKey(), merge(merged, attribute.getValue()));
        });
        return resolved;
    }

    /** The problems of a document, each naming the attribute's path; empty for a valid document. */
    public List<String> validate(JsonNode document) {
        List<String> problems = new ArrayList<>();
        int classUid = document.path("class_uid").asInt(-1);
        String className = classOfUid.get(classUid);
        if (className == null) {
            problems.add("class_uid " + document.path("class_uid") + " is no class of the copied schema");
            return problems;
        }
        ResolvedType eventClass = eventClass(className);
        Set<String> profiles = new HashSet<>();
        document.path("metadata").path("profiles").forEach(profile -> profiles.add(profile.asText()));
        checkAttributes(document, eventClass, "", profiles, problems);
        if (document.path("category_uid").asInt(-1) != eventClass.categoryUid()) {
            problems.add("category_uid " + document.path("category_uid") + " is not " + eventClass.categoryUid()
                         + ", the category of " + className);
        }
        long typeUid = classUid * 100L + document.path("activity_id").asLong();
        if (document.path("type_uid").asLong(-1) != typeUid) {
            problems.add("type_uid " + document.path("type_uid") + " is not class_uid * 100 + activity_id = " + typeUid);
        }
        return problems;
    }

    private void checkAttributes(JsonNode node, ResolvedType type, String path, Set<String> profiles, List<String> problems) {
        ObjectNode attributes = type.attributes();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path + field.getKey();
            JsonNode attribute = attributes.get(field.getKey());
            if (attribute == null) {
                problems.add(fieldPath + " is no attribute of " + type.name());
                continue;
            }
            String profile = attribute.path("profile").asText(null);
            if (profile != null && !profiles.contains(profile)) {
                problems.add(fieldPath + " belongs to the profile " + profile + ", which metadata.profiles does not name");
            }
            if (attribute.has("@deprecated")) {
                problems.add(fieldPath + " is deprecated: " + attribute.path("@deprecated").path("message").asText());
            }
            checkValue(field.getValue(), attribute, fieldPath, profiles, problems);
            checkSibling(node, field.getValue(), attribute, fieldPath, problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> attribute = it.next();
            String profile = attribute.getValue().path("profile").asText(null);
            boolean applies = profile == null || profiles.contains(profile);
            if (applies && "required".equals(attribute.getValue().path("requirement").asText())
                    && !node.has(attribute.getKey())) {
                problems.add(path + attribute.getKey() + " is required by " + type.name() + " but missing");
            }
        }
        checkConstraints(node, type, path, problems);
    }

    /** An id's sibling ({@code activity_id}'s {@code activity_name}) is its enum caption, unless the id is 99 Other. */
    private static void checkSibling(JsonNode node, JsonNode value, JsonNode attribute, String path, List<String> problems) {
        String sibling = attribute.path("sibling").asText(null);
        JsonNode caption = attribute.path("enum").path(value.asText()).path("caption");
        if (sibling != null && node.has(sibling) && caption.isTextual() && value.asInt() != 99
                && !caption.asText().equals(node.get(sibling).asText())) {
            problems.add(path + " is " + value + " (" + caption.asText() + ") but its sibling " + sibling + " says "
                         + node.get(sibling));
        }
    }

    private static void checkConstraints(JsonNode node, ResolvedType type, String path, List<String> problems) {
        JsonNode atLeastOne = type.constraints().path("at_least_one");
        if (atLeastOne.isArray() && count(node, atLeastOne) == 0) {
            problems.add((path.isEmpty() ? "the event" : path) + " needs at least one of " + atLeastOne
                         + " (" + type.name() + ")");
        }
        JsonNode justOne = type.constraints().path("just_one");
        if (justOne.isArray() && count(node, justOne) != 1) {
            problems.add((path.isEmpty() ? "the event" : path) + " needs just one of " + justOne + " (" + type.name() + ")");
        }
    }

    private static int count(JsonNode node, JsonNode names) {
        int count = 0;
        for (JsonNode name : names) {
            count += node.has(name.asText()) ? 1 : 0;
        }
        return count;
    }

    private void checkValue(JsonNode value, JsonNode attribute, String path, Set<String> profiles, List<String> problems) {
        if (attribute.path("is_array").asBoolean(false)) {
            if (!value.isArray()) {
                problems.add(path + " must be an array");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkSingleValue(value.get(i), attribute, path + "[" + i + "]", profiles, problems);
            }
        } else if (value.isArray()) {
            problems.add(path + " must not be an array");
        } else {
            checkSingleValue(value, attribute, path, profiles, problems);
        }
    }

    private void checkSingleValue(JsonNode value, JsonNode attribute, String path, Set<String> profiles,
                                  List<String> problems) {
        String type = attribute.path("type").asText();
        if (value.isNull()) {
            problems.add(path + " is null");
        } else if (types.has(type)) {
            checkPrimitive(value, type, path, problems);
            JsonNode enumeration = attribute.path("enum");
            if (enumeration.isObject() && !enumeration.has(value.asText())) {
                List<String> values = new ArrayList<>();
                enumeration.fieldNames().forEachRemaining(values::add);
                problems.add(path + " is " + value + ", not one of " + values);
            }
        } else if (!value.isObject()) {
            problems.add(path + " must be an object (" + type + ")");
        } else if (!"object".equals(type)) {
            // "object" is OCSF's generic object (unmapped, data): anything goes
            checkAttributes(value, object(type), path + ".", profiles, problems);
        }
    }

    private void checkPrimitive(JsonNode value, String type, String path, List<String> problems) {
        String base = type;
        while (types.path(base).has("type")) {
            base = types.path(base).path("type").asText();
        }
        boolean kindOk = switch (base) {
            case "string_t" -> value.isTextual();
            case "integer_t", "long_t" -> value.isIntegralNumber();
            case "float_t" -> value.isNumber();
            case "boolean_t" -> value.isBoolean();
            default -> true; // json_t
        };
        if (!kindOk) {
            problems.add(path + " is " + value + ", not a " + type);
            return;
        }
        String regex = types.path(type).path("regex").asText(null);
        if (regex != null && !Pattern.compile(regex).matcher(value.asText()).find()) {
            problems.add(path + " is " + value + ", which does not match the pattern of " + type);
        }
        int maxLength = types.path(type).path("max_len").asInt(Integer.MAX_VALUE);
        if (value.isTextual() && value.textValue().length() > maxLength) {
            problems.add(path + " is longer than " + maxLength + " characters (" + type + ")");
        }
    }

    /** A definition's attributes, with those of the files it {@code $include}s under them (marked with the profile). */
    private ObjectNode ownAttributes(JsonNode definition) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        for (JsonNode include : definition.path("attributes").path("$include")) {
            JsonNode included = read(root.resolve(include.asText()));
            ObjectNode includedAttributes = ownAttributes(included);
            if ("profile".equals(included.path("meta").asText())) {
                includedAttributes.fields().forEachRemaining(
                        attribute -> ((ObjectNode) attribute.getValue()).put("profile", included.path("name").asText()));
            }
            merge(attributes, includedAttributes);
        }
        ObjectNode own = definition.path("attributes").deepCopy();
        own.remove("$include");
        return merge(attributes, own);
    }

    /** Merges {@code override} into {@code base}, object by object; a value of {@code override} wins. */
    private static ObjectNode merge(ObjectNode base, JsonNode override) {
        override.fields().forEachRemaining(field -> {
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return base;
    }

    private List<JsonNode> definitions(String directory) {
        try (Stream<Path> files = Files.walk(root.resolve(directory))) {
            return files.filter(file -> file.toString().endsWith(".json")).map(OcsfSchema::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
