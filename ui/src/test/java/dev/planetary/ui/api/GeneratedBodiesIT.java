package dev.planetary.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planetary.ui.support.Api;
import dev.planetary.ui.support.PlanetaryIT;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies generated with jqwik, valid and broken, sent to the API: every kind's example with
 * one part changed (a field removed, given another type, an empty, huge or hostile text, an unknown
 * field or kind), and text that is not a change at all. Every answer is 201 or a 4xx with a stable
 * code, a 400 names the field at fault, nothing answers 5xx, and a refused request stores nothing.
 */
class GeneratedBodiesIT extends PlanetaryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODIES = Integer.getInteger("generated.bodies", 250);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> proposed = new ArrayList<>();

    /** Accepted ones are withdrawn, so the review queue other tests read stays as it was. */
    @AfterEach
    void withdrawAccepted() {
        proposed.forEach(id -> api.post("alice", "/api/changes/" + id + "/withdrawal", "{}"));
    }

    @Test
    void generated_bodies_get_201_or_a_4xx_naming_the_field_and_refused_ones_store_nothing() throws Exception {
        List<JsonNode> examples = new ArrayList<>();
        api.get("alice", "/api/kinds").body().forEach(kind -> {
            if (kind.path("proposable").asBoolean()) {
                examples.add(kind.path("example"));
            }
        });
        assertThat(examples).hasSizeGreaterThan(20);

        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        for (String body : bodies(examples).sampleStream().limit(BODIES).toList()) {
            long stored = STACK.requestEvents();
            Api.Response answer = api.post("alice", "/api/changes", body);
            int status = answer.status();
            if (status == 201) {
                accepted++;
                proposed.add(answer.body().path("id").asText());
            } else if (status < 400 || status >= 500 || answer.code() == null) {
                wrong.add(status + " " + answer.body() + " for " + body);
            } else if (status == 400 && answer.body().path("field").asText().isBlank()
                    && !answer.code().equals("invalid_json")) {
                wrong.add("no field named: " + answer.body() + " for " + body);
            } else if (STACK.requestEvents() != stored) {
                wrong.add("refused with " + answer.body() + " but stored events, for " + body);
            }
        }
        assertThat(wrong).as("answers breaking the rule").isEmpty();
        assertThat(accepted).as("some generated bodies are valid changes").isPositive();
    }

    private static Arbitrary<String> bodies(List<JsonNode> examples) {
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(examples), Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(Mutation.values()), hostileText())
                .as((example, where, mutation, text) -> "{\"spec\": " + mutate(example, where, mutation, text) + "}");
        Arbitrary<String> unchanged = Arbitraries.of(examples).map(example -> "{\"spec\": " + example + "}");
        Arbitrary<String> garbage = Arbitraries.oneOf(hostileText().map(text -> "{\"spec\": " + text + "}"),
                hostileText(), Arbitraries.of("", "null", "[]", "{}", "{\"spec\": null}", "{\"spec\": {}}", "{\"spec\": []}",
                        "{\"title\": 7, \"spec\": {\"kind\": \"table-privilege\"}}", "{\"target\": {}, \"spec\": {}}"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, mutated), net.jqwik.api.Tuple.of(1, unchanged), net.jqwik.api.Tuple.of(2, garbage));
    }

    private enum Mutation { REMOVE, NULL, NUMBER, BOOLEAN, TEXT, EMPTY_TEXT, ARRAY, OBJECT, UNKNOWN_FIELD, UNKNOWN_KIND }

    /** Texts that have broken parsers before: quotes, dollar quotes, comments, controls, long and non-ASCII. */
    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.of("'", "\"", "$$", "$x$", "--", "/*", "*/", ";", "\\", "\u0000", "\u202e", "DROP TABLE app.invoice;",
                        "x'); GRANT ALL ON app.invoice TO PUBLIC; --", "{\"kind\":", "\ud83d\ude80", "a".repeat(70), "é".repeat(40)),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(80),
                Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(300));
    }

    /** The example with the {@code where}th node (counting depth first) changed as {@code mutation} says. */
    private static String mutate(JsonNode example, int where, Mutation mutation, String text) {
        ObjectNode copy = (ObjectNode) example.deepCopy();
        if (mutation == Mutation.UNKNOWN_KIND) {
            copy.put("kind", text);
            return copy.toString();
        }
        List<ObjectNode> parents = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        collect(copy, parents, fields);
        int at = where % parents.size();
        ObjectNode parent = parents.get(at);
        String field = fields.get(at);
        switch (mutation) {
            case REMOVE -> parent.remove(field);
            case NULL -> parent.putNull(field);
            case NUMBER -> parent.put(field, where - 500);
            case BOOLEAN -> parent.put(field, where % 2 == 0);
            case TEXT -> parent.put(field, text);
            case EMPTY_TEXT -> parent.put(field, "");
            case ARRAY -> parent.set(field, NODES.arrayNode().add(text));
            case OBJECT -> parent.set(field, NODES.objectNode().put("name", text));
            case UNKNOWN_FIELD -> parent.put("unknown_" + Math.abs(where), text);
            default -> throw new IllegalStateException(mutation.name());
        }
        return copy.toString();
    }

    private static void collect(JsonNode node, List<ObjectNode> parents, List<String> fields) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                parents.add(object);
                fields.add(name);
            });
            object.elements().forEachRemaining(child -> collect(child, parents, fields));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, parents, fields));
        }
    }
}
