package dev.planetary.ui.security;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planetary.command.target.PlanRunner;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of 1,000 names and 1,000 SQL fragments (quotes, dollar quotes with ASCII and
 * non-ASCII tags, comments, escapes, Unicode controls, surrogates, keywords, lengths in bytes) run
 * through the kinds that take them, read with the application's JSON mapper and dry-run on the demo
 * target with the catalog guard. Every case is either refused naming its field, or fails in
 * PostgreSQL having changed nothing, or changes exactly the intended object, under exactly its name.
 */
class HostileCorpusIT extends PlanetaryIT {

    private static final QualifiedName INVOICE = new QualifiedName(Identifier.of("app"), Identifier.of("invoice"));
    private static final List<String> NAME_PIECES = List.of("a", "Mixed Case", "\"", "'", ";", "--", "/*", "*/", "$$",
            "$a€$", " ", "é", "€", "😀", "\u200D", "\u00A0", "\u202E", "\uD800", "\uDC00", "\u0000", "\u0001", "\t", "\n",
            "SELECT", "DROP TABLE x", "?", "{fn now()}", "\\", "ñ".repeat(20), "x".repeat(40), "\u0301");
    private static final List<String> FRAGMENT_PIECES = List.of("'", "E'", "U&'", "''", "\"", "$", "$$", "$a$", "$é$",
            "$a€$", "--", "/*", "*/", ";", "(", ")", "(", ")", "\\", "\n", "\r", "\u000B", " ", " ", "true", "1", "=", "x",
            " GRANT ALL ON app.invoice TO PUBLIC ", "{fn now()}", "\u202E", "\uD800", "é", "::text", "SELECT", "OR");

    @Autowired
    private ObjectMapper json;
    @Autowired
    private PlanRunner planRunner;

    private record Tally(int refused, int failedInPostgres, int created) {
    }

    @Test
    void a_thousand_names_through_the_kinds_that_create_a_named_object() {
        List<String> names = corpus(new Random(19), NAME_PIECES, 6, 1000);
        Tally policies = run(names, name -> policy(name, "true"), "name",
                name -> Set.of(CatalogEffect.policy(INVOICE, Identifier.of(name))));
        Tally functions = run(names, name -> function(name, null), "name",
                name -> Set.of(CatalogEffect.function(new QualifiedName(Identifier.of("app"), Identifier.of(name))),
                        CatalogEffect.functionPrivileges(new QualifiedName(Identifier.of("app"), Identifier.of(name)))));
        // the corpus is made to be both refused and accepted, often
        assertThat(policies.refused()).isGreaterThan(100);
        assertThat(policies.created()).isGreaterThan(100);
        assertThat(functions.created()).isGreaterThan(100);
    }

    @Test
    void a_thousand_fragments_through_the_kinds_that_take_an_expression() {
        List<String> fragments = corpus(new Random(23), FRAGMENT_PIECES, 10, 1000);
        Tally policies = run(fragments, fragment -> policy("corpus", fragment), "using",
                fragment -> Set.of(CatalogEffect.policy(INVOICE, Identifier.of("corpus"))));
        QualifiedName function = new QualifiedName(Identifier.of("app"), Identifier.of("corpus_default"));
        Tally defaults = run(fragments, fragment -> function("corpus_default", fragment), "parameters[0].defaultValue",
                fragment -> Set.of(CatalogEffect.function(function), CatalogEffect.functionPrivileges(function)));
        assertThat(policies.refused()).isGreaterThan(100);
        assertThat(policies.failedInPostgres() + policies.created()).isGreaterThan(10);
        assertThat(defaults.refused()).isEqualTo(policies.refused());
    }

    /** Runs each case; asserts it was refused naming {@code field}, failed in PostgreSQL, or made exactly the intended change. */
    private Tally run(List<String> cases, Function<String, ObjectNode> spec, String field,
                      Function<String, Set<CatalogEffect>> intended) {
        int refused = 0;
        int failed = 0;
        int created = 0;
        for (String value : cases) {
            ChangeSpec read;
            try {
                read = json.treeToValue(spec.apply(value), ChangeSpec.class);
            } catch (Exception e) {
                assertThat(fieldOf(e)).as("refusal of %s names the field", printable(value)).isEqualTo(field);
                refused++;
                continue;
            }
            DryRunOutcome outcome = planRunner.dryRun(read.plan());
            if (outcome.passed()) {
                assertThat(Set.copyOf(outcome.changes())).as("changes of %s", printable(value)).isEqualTo(intended.apply(value));
                created++;
            } else {
                assertThat(outcome.error().sqlState()).as("%s: %s", printable(value), outcome.error().message())
                        .isNotEqualTo("PL001");
                assertThat(outcome.changes()).isEmpty();
                failed++;
            }
        }
        return new Tally(refused, failed, created);
    }

    private ObjectNode policy(String name, String using) {
        ObjectNode spec = json.createObjectNode().put("kind", "create-policy").put("name", name).put("using", using);
        spec.putObject("table").put("schema", "app").put("name", "invoice");
        return spec;
    }

    private ObjectNode function(String name, String defaultValue) {
        ObjectNode spec = json.createObjectNode().put("kind", "create-function").put("language", "SQL").put("body", "SELECT 1");
        spec.putObject("name").put("schema", "app").put("name", name);
        spec.putObject("returns").put("kind", "SCALAR").put("type", "integer");
        ObjectNode parameter = spec.putArray("parameters").addObject().put("name", "p").put("type", "integer");
        if (defaultValue != null) {
            parameter.put("defaultValue", defaultValue);
        }
        return spec;
    }

    /** The JSON path of the refused field, as the API reports it. */
    private static String fieldOf(Exception e) {
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce("", String::concat).replaceFirst("^\\.", "") : "";
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof SpecViolation violation && violation.field() != null) {
            return path.isEmpty() ? violation.field() : path + "." + violation.field();
        }
        return path;
    }

    private static List<String> corpus(Random random, List<String> pieces, int maxPieces, int size) {
        List<String> corpus = new ArrayList<>();
        while (corpus.size() < size) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(maxPieces);
            for (int i = 0; i < count; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            corpus.add(text.toString());
        }
        return corpus;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
