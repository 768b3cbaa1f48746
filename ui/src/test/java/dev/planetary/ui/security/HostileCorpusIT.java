package dev.planetary.ui.security;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planetary.command.change.SpecFacts;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.support.PlanetaryIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated corpus of 1,000 names and 1,000 SQL fragments (quotes, dollar quotes with ASCII and
 * non-ASCII tags, comments, escapes, Unicode controls, surrogates, keywords, lengths in bytes) run
 * through the kinds that take them (names: create, alter and drop of policies, triggers, functions and
 * views, grantees, roles and members, schemas, tables, columns, a protection's view, the audit server;
 * fragments: a policy's USING and WITH CHECK, an altered policy's USING, a parameter's DEFAULT, a
 * trigger's WHEN, a protection's policy), read with the application's JSON
 * mapper, completed with the catalog's facts and dry-run on the demo target with the catalog guard. Every case is either refused naming its field, or fails in
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
    private DdlTargets targets;
    @Autowired
    private SpecFacts specFacts;

    private record Tally(int refused, int failedInPostgres, int created) {
    }

    /**
     * A kind and field a corpus case is put into, the catalog parts a passing plan must change, and
     * the objects it may change at all: exactly the intended parts for most kinds; for a composite
     * kind (protect-table, connect-audit), its own objects, whose parts depend on what the target holds.
     */
    private record Use(String field, Function<String, ObjectNode> spec, Function<String, Set<CatalogEffect>> required,
                       Function<String, Predicate<CatalogEffect>> allowed) {

        Use(String field, Function<String, ObjectNode> spec, Function<String, Set<CatalogEffect>> intended) {
            this(field, spec, intended, value -> intended.apply(value)::contains);
        }
    }

    private static QualifiedName app(String name) {
        return new QualifiedName(Identifier.of("app"), Identifier.of(name));
    }

    @Test
    void a_thousand_names_through_the_kinds_that_name_an_object() {
        List<String> names = corpus(new Random(19), NAME_PIECES, 6, 1000);
        List<Use> creating = List.of(
                new Use("name", name -> policy(name, "true", null), name -> Set.of(CatalogEffect.policy(INVOICE, Identifier.of(name)))),
                new Use("name", name -> function(name, null),
                        name -> Set.of(CatalogEffect.function(app(name)), CatalogEffect.functionPrivileges(app(name)))),
                new Use("name", name -> trigger(name, null), name -> Set.of(CatalogEffect.trigger(INVOICE, Identifier.of(name)))),
                new Use("name", this::view,
                        name -> Set.of(CatalogEffect.relation(app(name)), CatalogEffect.relationPrivileges(app(name)))),
                new Use("views[0].name", name -> protect(name, "true"),
                        name -> Set.of(CatalogEffect.relation(app(name)), CatalogEffect.policy(INVOICE, Identifier.of("corpus_rule"))),
                        name -> ofObjects(INVOICE.quoted(), app(name).quoted(), "\"app\"")),
                new Use("name", name -> index(name, null, null), name -> Set.of(CatalogEffect.relation(app(name)),
                        CatalogEffect.relationPrivileges(app(name)))),
                new Use("name", name -> publication(name, null), name -> Set.of(CatalogEffect.publication(Identifier.of(name)))),
                // a row in Planetary's list of audited schemas: data, not catalog
                new Use("schema", name -> kind("audit-schema").put("schema", name).put("auto", true), name -> Set.of()));
        // kinds naming an object that exists already, or a role: most of the corpus fails in PostgreSQL, changing nothing
        List<Use> existingObjects = List.of(
                // fails once an earlier test connected the audit server (its foreign table exists)
                new Use("server", this::connectAudit, name -> Set.of(CatalogEffect.foreignServer(Identifier.of(name))),
                        name -> ofObjects(Identifier.of(name).quoted(), "\"postgres_fdw\"", "\"planetary\"")),
                new Use("grantee", this::grant, name -> Set.of(CatalogEffect.relationPrivileges(INVOICE))),
                new Use("name", name -> onInvoice("drop-policy", name), name -> Set.of(CatalogEffect.policy(INVOICE, Identifier.of(name)))),
                new Use("name", name -> onInvoice("alter-policy", name).put("using", "true"),
                        name -> Set.of(CatalogEffect.policy(INVOICE, Identifier.of(name)))),
                new Use("name", name -> onInvoice("drop-trigger", name), name -> Set.of(CatalogEffect.trigger(INVOICE, Identifier.of(name)))),
                new Use("name", name -> onInvoice("trigger-enablement", name).put("enabled", false),
                        name -> Set.of(CatalogEffect.trigger(INVOICE, Identifier.of(name)))),
                new Use("name", name -> named("drop-function", "name", "app", name), name -> Set.of(CatalogEffect.function(app(name)))),
                new Use("name", name -> named("drop-view", "name", "app", name), name -> Set.of(CatalogEffect.relation(app(name)))),
                new Use("name", name -> named("reindex", "name", "app", name), name -> Set.of(CatalogEffect.relation(app(name)))),
                new Use("table", name -> named("row-security", "table", "app", name).put("action", "ENABLE"),
                        name -> Set.of(CatalogEffect.rowSecurity(app(name)))),
                new Use("schema", name -> kind("schema-privilege").put("action", "GRANT").put("schema", name).put("grantee", "karen")
                        .set("privileges", json.createArrayNode().add("USAGE")),
                        name -> Set.of(CatalogEffect.schemaPrivileges(Identifier.of(name)))),
                new Use("grantee", name -> named("function-privilege", "function", "app", "touch_updated_at").put("action", "GRANT")
                        .put("grantee", name), name -> Set.of(CatalogEffect.functionPrivileges(app("touch_updated_at")))),
                new Use("role", name -> kind("role-membership").put("action", "GRANT").put("role", name).put("member", "karen"),
                        name -> Set.of(CatalogEffect.membership(Identifier.of(name)))),
                new Use("member", name -> kind("role-membership").put("action", "GRANT").put("role", "app_reader").put("member", name),
                        name -> Set.of(CatalogEffect.membership(Identifier.of("app_reader")))),
                new Use("table", name -> named("audit-table", "table", "app", name).put("audit", true),
                        name -> Set.of(CatalogEffect.trigger(app(name), Identifier.of("planetary_audit")))),
                new Use("table", name -> grant("karen").set("table", json.createObjectNode().put("schema", "app").put("name", name)),
                        name -> Set.of(CatalogEffect.relationPrivileges(app(name)))),
                new Use("columns[0]", name -> grant("karen").set("columns", json.createArrayNode().add(name)),
                        name -> Set.of(CatalogEffect.relationPrivileges(INVOICE))));
        for (Use use : creating) {
            Tally tally = run(names, use);
            // the corpus is made to be both refused and accepted, often
            assertThat(tally.refused()).as(use.field()).isGreaterThan(100);
            assertThat(tally.created()).as(use.field()).isGreaterThan(100);
        }
        // a kind that reads its object's facts at proposal refuses a name the catalog does not hold, naming the field
        Use dropIndex = new Use("index", name -> named("drop-index", "index", "app", name),
                name -> Set.of(CatalogEffect.relation(app(name)), CatalogEffect.relationPrivileges(app(name))));
        assertThat(run(names, dropIndex).refused()).isEqualTo(names.size());
        for (Use use : existingObjects) {
            Tally tally = run(names, use);
            assertThat(tally.refused()).as(use.field()).isGreaterThan(100);
            assertThat(tally.failedInPostgres() + tally.created()).as(use.field()).isGreaterThan(100);
        }
    }

    @Test
    void a_thousand_fragments_through_every_field_that_takes_an_expression() {
        List<String> fragments = corpus(new Random(23), FRAGMENT_PIECES, 10, 1000);
        Set<CatalogEffect> policy = Set.of(CatalogEffect.policy(INVOICE, Identifier.of("corpus")));
        Set<CatalogEffect> index = Set.of(CatalogEffect.relation(app("corpus_expression_idx")),
                CatalogEffect.relationPrivileges(app("corpus_expression_idx")));
        List<Use> uses = List.of(
                new Use("using", fragment -> policy("corpus", fragment, null), fragment -> policy),
                new Use("withCheck", fragment -> policy("corpus", "true", fragment), fragment -> policy),
                new Use("parameters[0].defaultValue", fragment -> function("corpus_default", fragment),
                        fragment -> Set.of(CatalogEffect.function(app("corpus_default")), CatalogEffect.functionPrivileges(app("corpus_default")))),
                new Use("when", fragment -> trigger("corpus_when", fragment),
                        fragment -> Set.of(CatalogEffect.trigger(INVOICE, Identifier.of("corpus_when")))),
                new Use("keys[0].expression", fragment -> index("corpus_expression_idx", fragment, null), fragment -> index),
                new Use("where", fragment -> index("corpus_expression_idx", null, fragment), fragment -> index),
                new Use("tables[0].rowFilter", fragment -> publication("corpus_feed", fragment),
                        fragment -> Set.of(CatalogEffect.publication(Identifier.of("corpus_feed")))),
                // there is no such policy: what the check lets through fails in PostgreSQL, changing nothing
                new Use("using", fragment -> onInvoice("alter-policy", "corpus_absent").put("using", fragment), fragment -> policy),
                new Use("policies[0].using", fragment -> protect("corpus_protected", fragment),
                        fragment -> Set.of(CatalogEffect.policy(INVOICE, Identifier.of("corpus_rule")), CatalogEffect.relation(app("corpus_protected"))),
                        fragment -> ofObjects(INVOICE.quoted(), app("corpus_protected").quoted(), "\"app\"")));
        List<Tally> tallies = uses.stream().map(use -> run(fragments, use)).toList();
        assertThat(tallies.get(0).refused()).isGreaterThan(100);
        assertThat(tallies.get(0).failedInPostgres() + tallies.get(0).created()).isGreaterThan(10);
        // one check for every field: the same fragments are refused wherever they go
        assertThat(tallies).extracting(Tally::refused).containsOnly(tallies.get(0).refused());
    }

    /** Runs each case; asserts it was refused naming the field, failed in PostgreSQL, or made exactly the intended change. */
    private Tally run(List<String> cases, Use use) {
        int refused = 0;
        int failed = 0;
        int created = 0;
        for (String value : cases) {
            ChangeSpec read;
            try {
                read = specFacts.complete(TargetId.DEFAULT, json.treeToValue(use.spec().apply(value), ChangeSpec.class));
            } catch (Exception e) {
                assertThat(fieldOf(e)).as("refusal of %s names the field", printable(value)).isEqualTo(use.field());
                refused++;
                continue;
            }
            DryRunOutcome outcome = targets.runner(TargetId.DEFAULT).dryRun(read.plan());
            if (outcome.passed()) {
                assertThat(outcome.changes()).as("changes of %s", printable(value))
                        .containsAll(use.required().apply(value)).allMatch(use.allowed().apply(value));
                created++;
            } else {
                assertThat(outcome.error().sqlState()).as("%s: %s", printable(value), outcome.error().message())
                        .isNotEqualTo(SqlError.UNDECLARED_CHANGE);
                assertThat(outcome.changes()).isEmpty();
                failed++;
            }
        }
        return new Tally(refused, failed, created);
    }

    /** A publication of app.invoice's inserts (no replica identity needed), with a row filter if given. */
    private ObjectNode publication(String name, String rowFilter) {
        ObjectNode spec = kind("create-publication").put("name", name);
        spec.putArray("operations").add("insert");
        ObjectNode table = spec.putArray("tables").addObject();
        table.putObject("table").put("schema", "app").put("name", "invoice");
        if (rowFilter != null) {
            table.put("rowFilter", rowFilter);
        }
        return spec;
    }

    private ObjectNode policy(String name, String using, String withCheck) {
        ObjectNode spec = onInvoice("create-policy", name).put("using", using);
        return withCheck == null ? spec : spec.put("withCheck", withCheck);
    }

    /** A BEFORE INSERT row trigger on app.invoice calling the demo's app.touch_updated_at(). */
    private ObjectNode trigger(String name, String when) {
        ObjectNode spec = onInvoice("create-trigger", name).put("timing", "BEFORE").put("level", "ROW");
        spec.putArray("events").add("INSERT");
        spec.putObject("function").put("schema", "app").put("name", "touch_updated_at");
        return when == null ? spec : spec.put("when", when);
    }

    private ObjectNode view(String name) {
        ObjectNode spec = json.createObjectNode().put("kind", "create-view");
        spec.putObject("name").put("schema", "app").put("name", name);
        spec.putObject("source").put("schema", "app").put("name", "invoice");
        spec.putArray("columns").addObject().put("name", "id");
        return spec;
    }

    private ObjectNode grant(String grantee) {
        ObjectNode spec = json.createObjectNode().put("kind", "table-privilege").put("action", "GRANT").put("grantee", grantee);
        spec.putArray("privileges").add("SELECT");
        spec.putObject("table").put("schema", "app").put("name", "invoice");
        return spec;
    }

    /** app.invoice reachable only through a view {@code view} for app_reader, rows limited by {@code using}. */
    private ObjectNode protect(String view, String using) {
        ObjectNode spec = named("protect-table", "table", "app", "invoice");
        ObjectNode access = spec.putArray("views").addObject().put("name", view);
        access.putArray("columns").addObject().put("name", "id");
        access.putArray("grantees").add("app_reader");
        spec.putArray("policies").addObject().put("name", "corpus_rule").put("command", "SELECT").put("mode", "PERMISSIVE")
                .put("using", using);
        return spec;
    }

    /** Planetary's connection to the audit server, through a foreign server named {@code server}. */
    private ObjectNode connectAudit(String server) {
        return kind("connect-audit").put("server", server).put("host", "localhost").put("port", 5432).put("database", "postgres")
                .put("remoteUser", "planetary_audit_writer").put("credential", "audit-writer");
    }

    /** Parts of these objects, or of the policies, triggers and user mappings on them. */
    private static Predicate<CatalogEffect> ofObjects(String... objects) {
        return part -> java.util.Arrays.stream(objects).anyMatch(o -> part.object().equals(o) || part.object().startsWith(o + "."));
    }

    /** An index on app.invoice: on {@code expression} if given, else on status; partial where {@code where}. */
    private ObjectNode index(String name, String expression, String where) {
        ObjectNode spec = onInvoice("create-index", name);
        ObjectNode key = spec.putArray("keys").addObject();
        if (expression == null) {
            key.put("column", "status");
        } else {
            key.put("expression", expression);
        }
        return where == null ? spec : spec.put("where", where);
    }

    private ObjectNode onInvoice(String kind, String name) {
        return named(kind, "table", "app", "invoice").put("name", name);
    }

    private ObjectNode kind(String kind) {
        return json.createObjectNode().put("kind", kind);
    }

    /** A spec of {@code kind} with a schema-qualified name in {@code field}. */
    private ObjectNode named(String kind, String field, String schema, String name) {
        ObjectNode spec = kind(kind);
        spec.putObject(field).put("schema", schema).put("name", name);
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
