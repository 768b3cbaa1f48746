package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog.ArgumentMode;
import dev.planetary.kernel.catalog.Catalog.PrivilegeObject;
import dev.planetary.kernel.catalog.Catalog.RoutineKind;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything {@code pg_dump --schema-only} writes about the fixture database is in the snapshot the
 * metadata role takes: tables, views, materialized views, functions, triggers, policies, indexes and
 * grants (and schemas, types, sequences, constraints, extensions, foreign servers, user mappings,
 * publications, subscriptions, event triggers and default privileges).
 */
class IntrospectionCompletenessIT {

    private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");

    private static CatalogFixture fixture;
    private static Catalog.Snapshot snapshot;
    private static List<String> dump;

    @BeforeAll
    static void dumpAndIntrospect() throws IOException, InterruptedException {
        fixture = CatalogFixture.load("introspection_completeness");
        dump = pgDump(fixture);
        snapshot = fixture.metaEngine().snapshot();
    }

    @Test
    void every_table_view_and_materialized_view() {
        Set<String> tables = new LinkedHashSet<>();
        Set<String> views = new LinkedHashSet<>();
        Set<String> materialized = new LinkedHashSet<>();
        for (String line : dump) {
            Cursor c = new Cursor(line);
            if (c.skip("CREATE TABLE ") || c.skip("CREATE FOREIGN TABLE ")) {
                tables.add(c.qualified());
            } else if (c.skip("CREATE VIEW ")) {
                String view = c.qualified();
                views.add(view);
                Catalog.View found = view(view);
                assertThat(found.materialized()).as(view).isFalse();
                assertThat(found.securityInvoker()).as(view).isEqualTo(line.contains("security_invoker='true'"));
                assertThat(found.securityBarrier()).as(view).isEqualTo(line.contains("security_barrier='true'"));
            } else if (c.skip("CREATE MATERIALIZED VIEW ")) {
                materialized.add(c.qualified());
            }
        }
        assertThat(tables).containsExactlyInAnyOrderElementsOf(snapshot.tables().stream().map(t -> name(t.schema(), t.name())).toList())
                .contains("Mixed Case.Order \"Lines\"", "app.events_2025", "app.remote_stock");
        assertThat(views).containsExactlyInAnyOrder("app.customer_orders", "app.open_orders", "app.open_order_net");
        assertThat(materialized).containsExactly("app.order_totals");
        assertThat(snapshot.views().stream().filter(Catalog.View::materialized).map(v -> name(v.schema(), v.name())))
                .containsExactlyElementsOf(materialized);
        for (String line : dump) {
            Cursor c = new Cursor(line);
            if (c.skip("ALTER TABLE ")) {
                c.skip("ONLY ");
                String table = c.qualified();
                if (c.rest().equals(" ENABLE ROW LEVEL SECURITY;")) {
                    assertThat(table(table).rlsEnabled()).as(table).isTrue();
                } else if (c.rest().equals(" FORCE ROW LEVEL SECURITY;")) {
                    assertThat(table(table).rlsForced()).as(table).isTrue();
                }
            }
        }
    }

    @Test
    void every_function_procedure_and_aggregate_with_its_argument_list() {
        Set<String> routines = new LinkedHashSet<>();
        for (String line : dump) {
            Cursor c = new Cursor(line);
            boolean aggregate = false;
            if (c.skip("CREATE FUNCTION ") || c.skip("CREATE PROCEDURE ") || (aggregate = c.skip("CREATE AGGREGATE "))) {
                String[] name = c.qualifiedParts();
                String arguments = c.parenthesized();
                List<Catalog.Function> candidates = snapshot.functions().stream()
                        .filter(f -> f.schema().equals(name[0]) && f.name().equals(name[1])).toList();
                assertThat(candidates).as(line).isNotEmpty();
                if (aggregate) {
                    assertThat(candidates).as(line).anyMatch(f -> f.kind() == RoutineKind.AGGREGATE
                            && f.identityArguments().equals(arguments));
                } else {
                    // pg_dump prints pg_get_function_arguments: the engine's arguments say the same
                    assertThat(candidates.stream().map(IntrospectionCompletenessIT::printedArguments)).as(line).contains(arguments);
                }
                routines.add(name[0] + "." + name[1] + "(" + arguments + ")");
            }
        }
        assertThat(routines).hasSize(12).contains(
                "app.price(p_code text, p_currency text DEFAULT 'EUR, USD'::text)",
                "app.describe(label text, OUT line text, INOUT counter integer DEFAULT 0, VARIADIC parts text[] DEFAULT "
                        + "ARRAY['a, b'::text, 'c'::text])",
                "app.archive_orders(IN before date, INOUT moved integer DEFAULT 0)", "app.text_concat(text)",
                "Mixed Case.Line Total(q integer)");
    }

    @Test
    void every_trigger_policy_index_and_constraint() {
        Set<String> triggers = new LinkedHashSet<>();
        Set<String> policies = new LinkedHashSet<>();
        Set<String> indexes = new LinkedHashSet<>();
        Set<String> constraints = new LinkedHashSet<>();
        String alteredTable = null;
        String createdTable = null;
        for (String line : dump) {
            Cursor c = new Cursor(line);
            if (c.skip("CREATE TRIGGER ") || c.skip("CREATE CONSTRAINT TRIGGER ")) {
                String trigger = c.identifier();
                c.skipPast(" ON ");
                String table = c.qualified();
                assertThat(snapshot.triggers()).as(line)
                        .anyMatch(t -> name(t.schema(), t.table()).equals(table) && t.name().equals(trigger)
                                && t.constraint() == line.startsWith("CREATE CONSTRAINT"));
                triggers.add(table + " " + trigger);
            } else if (c.skip("CREATE POLICY ")) {
                String policy = c.identifier();
                c.expect(" ON ");
                String table = c.qualified();
                assertThat(snapshot.policies()).as(line)
                        .anyMatch(p -> name(p.schema(), p.table()).equals(table) && p.name().equals(policy));
                policies.add(table + " " + policy);
            } else if (c.skip("CREATE INDEX ") || c.skip("CREATE UNIQUE INDEX ")) {
                String index = c.identifier();
                c.expect(" ON ");
                c.skip("ONLY ");
                String[] table = c.qualifiedParts();
                long oid = fixture.regclass(CatalogFixture.quote(table[0]) + "." + CatalogFixture.quote(table[1]));
                assertThat(snapshot.indexes()).as(line).anyMatch(i -> i.tableOid() == oid && i.name().equals(index)
                        && i.schema().equals(table[0]) && i.unique() == line.startsWith("CREATE UNIQUE"));
                // pg_dump writes pg_get_indexdef: the table's page shows the same text
                assertThat(fixture.metaEngine().relations().indexes(CatalogScope.relation(oid))).as(line)
                        .anyMatch(i -> i.name().equals(index) && (i.definition() + ";").equals(line));
                indexes.add(name(table[0], table[1]) + " " + index);
            } else if (c.skip("ALTER TABLE ")) {
                c.skip("ONLY ");
                alteredTable = c.qualified();
                if (c.rest().endsWith(" DISABLE TRIGGER customer_insert_audit;")) {
                    assertThat(snapshot.triggers()).anyMatch(t -> t.name().equals("customer_insert_audit")
                            && t.enabled() == Catalog.TriggerEnabled.DISABLED);
                }
            } else if (c.skip("    ADD CONSTRAINT ") && alteredTable != null) {
                constraints.add(constraint(alteredTable, c.identifier(), line));
            } else if (c.skip("CREATE TABLE ")) {
                createdTable = c.qualified();
            } else if (c.skip("    CONSTRAINT ") && createdTable != null) {
                constraints.add(constraint(createdTable, c.identifier(), line));
            } else if (line.startsWith(")")) {
                createdTable = null;
            }
        }
        assertThat(triggers).hasSize(7).contains("Mixed Case.Order \"Lines\" Lines Audit", "app.open_orders open_orders_insert",
                "app.booking booking_check");
        assertThat(policies).hasSize(4).contains("Mixed Case.Order \"Lines\" Lines Policy");
        assertThat(indexes).hasSize(9).contains("Mixed Case.Order \"Lines\" Lines by Amount", "app.events events_at_idx",
                "app.customer customer_lower_email_idx", "app.orders orders_open_idx");
        assertThat(constraints).hasSize(12).contains("app.customer customer_email_check", "app.orders orders_quantity_positive",
                "Mixed Case.Order \"Lines\" Order \"Lines\"_pkey");
    }

    @Test
    void every_grant_revoke_and_default_privilege() {
        int grants = 0;
        for (String line : dump) {
            Cursor c = new Cursor(line);
            boolean grant = c.skip("GRANT ");
            if (!grant && !c.skip("REVOKE ")) {
                continue;
            }
            String privileges = c.upTo(" ON ");
            c.expect(" ON ");
            String type = c.word();
            String[] object = c.qualifiedPartsOrOne();
            String objectName = object[1];
            if (type.equals("FUNCTION") || type.equals("PROCEDURE")) {
                objectName = object[1] + "(" + c.parenthesized() + ")";
            }
            c.expect(grant ? " TO " : " FROM ");
            String grantee = c.identifier();
            boolean grantable = c.rest().equals(" WITH GRANT OPTION;");
            assertThat(c.rest()).as(line).isIn(";", " WITH GRANT OPTION;");
            String schema = object[0] == null ? object[1] : object[0];
            for (String[] privilege : privileges(privileges, type)) {
                String column = privilege[1];
                String name = objectName;
                var matching = snapshot.privileges().stream().filter(p -> p.schema().equals(schema) && p.object().equals(name)
                        && p.grantee().equals(grantee) && p.privilege().equals(privilege[0])
                        && (column == null ? p.column() == null : column.equals(p.column()))
                        && kindMatches(type, column, p.objectType())).toList();
                if (grant) {
                    assertThat(matching).as(line + " " + String.join("/", privilege))
                            .anyMatch(p -> p.grantable() == grantable);
                    grants++;
                } else {
                    assertThat(matching).as(line + " " + String.join("/", privilege)).isEmpty();
                }
            }
        }
        assertThat(grants).isEqualTo(25);

        List<Catalog.DefaultPrivilege> defaults = new ArrayList<>();
        for (String line : dump) {
            Cursor c = new Cursor(line);
            if (c.skip("ALTER DEFAULT PRIVILEGES FOR ROLE ")) {
                String owner = c.identifier();
                String schema = c.skip(" IN SCHEMA ") ? c.identifier() : null;
                c.expect(" GRANT ");
                String privileges = c.upTo(" ON ");
                c.expect(" ON ");
                String type = Map.of("TABLES", "TABLE", "SEQUENCES", "SEQUENCE", "FUNCTIONS", "FUNCTION", "TYPES", "TYPE",
                        "SCHEMAS", "SCHEMA").get(c.word());
                c.skipPast(" TO ");
                String grantee = c.identifier();
                for (String[] privilege : privileges(privileges, type)) {
                    defaults.add(new Catalog.DefaultPrivilege(owner, schema, type, grantee, privilege[0],
                            c.rest().equals(" WITH GRANT OPTION;")));
                }
            }
        }
        assertThat(defaults).hasSize(2);
        assertThat(snapshot.defaultPrivileges()).containsAll(defaults);
    }

    @Test
    void every_schema_type_sequence_extension_foreign_server_mapping_publication_subscription_and_event_trigger() {
        Set<String> schemas = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> sequences = new LinkedHashSet<>();
        for (String line : dump) {
            Cursor c = new Cursor(line);
            if (c.skip("CREATE SCHEMA ")) {
                schemas.add(c.identifier());
            } else if (c.skip("CREATE TYPE ") || c.skip("CREATE DOMAIN ")) {
                types.add(c.qualified());
            } else if (c.skip("CREATE SEQUENCE ") || c.skip("    SEQUENCE NAME ")) {
                sequences.add(c.qualified());
            } else if (c.skip("CREATE EXTENSION IF NOT EXISTS ")) {
                String extension = c.identifier();
                c.expect(" WITH SCHEMA ");
                String schema = c.identifier();
                assertThat(snapshot.extensions()).as(line)
                        .anyMatch(e -> e.name().equals(extension) && schema.equals(e.schema()) && e.installedVersion() != null);
            } else if (c.skip("CREATE SERVER ")) {
                String server = c.identifier();
                c.skipPast(" FOREIGN DATA WRAPPER ");
                String wrapper = c.identifier();
                assertThat(snapshot.foreignServers()).as(line).anyMatch(s -> s.name().equals(server) && s.wrapper().equals(wrapper));
                assertThat(snapshot.foreignDataWrappers()).as(line).anyMatch(w -> w.name().equals(wrapper));
            } else if (c.skip("CREATE USER MAPPING FOR ")) {
                String user = c.identifier();
                c.expect(" SERVER ");
                String server = c.identifier();
                assertThat(snapshot.userMappings()).as(line).anyMatch(m -> m.user().equals(user) && m.server().equals(server));
            } else if (c.skip("CREATE PUBLICATION ")) {
                String publication = c.identifier();
                assertThat(snapshot.publications()).as(line).anyMatch(p -> p.name().equals(publication));
            } else if (c.skip("ALTER PUBLICATION ")) {
                String publication = c.identifier();
                if (c.skip(" ADD TABLE ONLY ")) {
                    String[] table = c.qualifiedParts();
                    assertThat(publication(publication).tables()).as(line)
                            .anyMatch(t -> t.schema().equals(table[0]) && t.table().equals(table[1])
                                    && line.contains(" (" + String.join(", ", t.columns()) + ")")
                                    && line.contains(" WHERE ((" + t.rowFilter() + "));"));
                } else if (c.skip(" ADD TABLES IN SCHEMA ")) {
                    assertThat(publication(publication).schemas()).as(line).contains(c.identifier());
                }
            } else if (c.skip("CREATE SUBSCRIPTION ")) {
                String subscription = c.identifier();
                assertThat(snapshot.subscriptions()).as(line).anyMatch(s -> s.name().equals(subscription));
            } else if (c.skip("CREATE EVENT TRIGGER ")) {
                String trigger = c.identifier();
                assertThat(snapshot.eventTriggers()).as(line).anyMatch(t -> t.name().equals(trigger));
            }
        }
        assertThat(schemas).containsExactlyInAnyOrder("Mixed Case", "app", "ledger");
        assertThat(snapshot.schemas()).extracting(Catalog.Schema::name).containsAll(schemas);
        assertThat(types).containsExactlyInAnyOrder("app.address", "app.amount", "app.float_range", "app.mood");
        assertThat(snapshot.types()).extracting(t -> name(t.schema(), t.name())).containsAll(types);
        assertThat(sequences).hasSize(7);
        assertThat(snapshot.sequences()).extracting(s -> name(s.schema(), s.name())).containsAll(sequences);
    }

    private static String constraint(String table, String name, String line) {
        assertThat(snapshot.constraints()).as(line).anyMatch(k -> name(k.schema(), k.table()).equals(table) && k.name().equals(name));
        return table + " " + name;
    }

    /** {@code SELECT,INSERT}, {@code SELECT(name),UPDATE(name)}, {@code ALL}: privilege and column (or null). */
    private static List<String[]> privileges(String printed, String type) {
        List<String[]> privileges = new ArrayList<>();
        for (String piece : Cursor.splitTopLevel(printed, ',')) {
            int open = piece.indexOf('(');
            String privilege = open < 0 ? piece.strip() : piece.substring(0, open).strip();
            List<String> columns = new ArrayList<>();
            if (open >= 0) {
                for (String column : Cursor.splitTopLevel(piece.substring(open + 1, piece.lastIndexOf(')')), ',')) {
                    columns.add(new Cursor(column.strip()).identifier());
                }
            } else {
                columns.add(null);
            }
            List<String> expanded = !privilege.equals("ALL") ? List.of(privilege) : switch (type) {
                case "TABLE" -> List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");
                case "SEQUENCE" -> List.of("USAGE", "SELECT", "UPDATE");
                case "SCHEMA" -> List.of("USAGE", "CREATE");
                case "FUNCTION", "PROCEDURE" -> List.of("EXECUTE");
                default -> throw new AssertionError("GRANT ALL ON " + type + " is not part of the catalog's privileges");
            };
            for (String p : expanded) {
                for (String column : columns) {
                    privileges.add(new String[] {p, column});
                }
            }
        }
        return privileges;
    }

    private static boolean kindMatches(String type, String column, PrivilegeObject kind) {
        return switch (type) {
            case "TABLE" -> column != null ? kind == PrivilegeObject.COLUMN : kind == PrivilegeObject.TABLE
                    || kind == PrivilegeObject.VIEW || kind == PrivilegeObject.MATERIALIZED_VIEW
                    || kind == PrivilegeObject.FOREIGN_TABLE;
            case "SEQUENCE" -> kind == PrivilegeObject.SEQUENCE;
            case "SCHEMA" -> kind == PrivilegeObject.SCHEMA;
            case "FUNCTION", "PROCEDURE" -> kind == PrivilegeObject.FUNCTION;
            default -> throw new AssertionError("privileges on " + type + " are not part of the catalog");
        };
    }

    /** The argument list as pg_get_function_arguments prints it, rebuilt from the engine's arguments. */
    private static String printedArguments(Catalog.Function function) {
        return function.arguments().stream().filter(a -> a.mode() != ArgumentMode.TABLE).map(a -> {
            String mode = switch (a.mode()) {
                case IN -> function.kind() == RoutineKind.PROCEDURE ? "IN " : "";
                case OUT -> "OUT ";
                case INOUT -> "INOUT ";
                case VARIADIC -> "VARIADIC ";
                case TABLE -> throw new AssertionError();
            };
            return mode + (a.name() == null ? "" : quoteIfNeeded(a.name()) + " ") + a.type()
                    + (a.defaultExpression() == null ? "" : " DEFAULT " + a.defaultExpression());
        }).collect(Collectors.joining(", "));
    }

    private static String quoteIfNeeded(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : CatalogFixture.quote(identifier);
    }

    private static String name(String schema, String name) {
        return schema + "." + name;
    }

    private static Catalog.Table table(String qualified) {
        return IntrospectionIT.one(snapshot.tables(), t -> name(t.schema(), t.name()).equals(qualified));
    }

    private static Catalog.View view(String qualified) {
        return IntrospectionIT.one(snapshot.views(), v -> name(v.schema(), v.name()).equals(qualified));
    }

    private static Catalog.Publication publication(String name) {
        return IntrospectionIT.one(snapshot.publications(), p -> p.name().equals(name));
    }

    private static List<String> pgDump(CatalogFixture fixture) throws IOException, InterruptedException {
        Path out = Files.createTempFile("catalog-fixture", ".sql");
        try {
            ProcessBuilder builder = new ProcessBuilder(PG_DUMP.toString(), "--schema-only", "--no-password",
                    "-h", fixture.server().host(), "-p", String.valueOf(fixture.server().port()),
                    "-U", fixture.server().superuser(), "-f", out.toString(), fixture.database())
                    .redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", fixture.server().superuserPassword());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines).as("pg_dump output").contains("-- PostgreSQL database dump");
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Reads SQL identifiers as pg_dump writes them: lower-case bare words or double-quoted, "" for ". */
    static final class Cursor {

        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean skip(String prefix) {
            if (text.startsWith(prefix, at)) {
                at += prefix.length();
                return true;
            }
            return false;
        }

        void expect(String prefix) {
            assertThat(skip(prefix)).as("'%s' at %d of: %s", prefix, at, text).isTrue();
        }

        /** Moves past the first {@code marker} outside quotes and parentheses. */
        void skipPast(String marker) {
            at = find(marker) + marker.length();
        }

        String upTo(String marker) {
            int end = find(marker);
            String piece = text.substring(at, end);
            at = end;
            return piece;
        }

        String rest() {
            return text.substring(at);
        }

        String word() {
            int start = at;
            while (at < text.length() && Character.isUpperCase(text.charAt(at))) {
                at++;
            }
            if (skip(" ")) {
                return text.substring(start, at - 1);
            }
            return text.substring(start, at);
        }

        String identifier() {
            if (at < text.length() && text.charAt(at) == '"') {
                StringBuilder name = new StringBuilder();
                at++;
                while (true) {
                    char c = text.charAt(at++);
                    if (c == '"') {
                        if (at < text.length() && text.charAt(at) == '"') {
                            name.append('"');
                            at++;
                        } else {
                            return name.toString();
                        }
                    } else {
                        name.append(c);
                    }
                }
            }
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                    || text.charAt(at) == '$')) {
                at++;
            }
            assertThat(at).as("an identifier at %d of: %s", start, text).isGreaterThan(start);
            return text.substring(start, at);
        }

        /** {@code schema.name} as {@code [schema, name]}. */
        String[] qualifiedParts() {
            String first = identifier();
            expect(".");
            return new String[] {first, identifier()};
        }

        /** {@code schema.name} as {@code [schema, name]}, or a bare {@code name} as {@code [null, name]}. */
        String[] qualifiedPartsOrOne() {
            String first = identifier();
            return skip(".") ? new String[] {first, identifier()} : new String[] {null, first};
        }

        String qualified() {
            String[] parts = qualifiedParts();
            return parts[0] + "." + parts[1];
        }

        /** What is between the parenthesis here and its match. */
        String parenthesized() {
            expect("(");
            int start = at;
            int end = find(")");
            at = end + 1;
            return text.substring(start, end);
        }

        private int find(String marker) {
            int depth = 0;
            char quote = 0;
            for (int i = at; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0; // a doubled quote closes and opens again
                    }
                } else if (depth == 0 && text.startsWith(marker, i)) {
                    return i;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                }
            }
            throw new AssertionError("no '" + marker + "' after " + at + " in: " + text);
        }

        static List<String> splitTopLevel(String text, char separator) {
            List<String> pieces = new ArrayList<>();
            int depth = 0;
            char quote = 0;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == separator && depth == 0) {
                    pieces.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            pieces.add(text.substring(start));
            return pieces;
        }
    }
}
