package dev.planetary.command.target;

import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.Plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Proves, inside a plan's own transaction, that the plan changed only the parts of the catalog it
 * declares ({@link CatalogEffect}). The catalog is read before the first statement and after the
 * last; any other difference (a GRANT smuggled into a policy change, a dropped object, a new role
 * member) refuses the plan, and the transaction is rolled back. This holds whatever a fragment
 * check or a driver might have missed: it looks at what the statements did, not at their text.
 */
final class CatalogGuard {

    private static final String STATE_SQL = load("catalog-state.sql");

    private record Part(CatalogEffect owner, String state) {
    }

    /** The catalog as far as plans can change it, read on the plan's connection. */
    static final class Snapshot {
        private final Map<CatalogEffect, Part> parts;

        private Snapshot(Map<CatalogEffect, Part> parts) {
            this.parts = parts;
        }

        interface PartVisitor {
            void visit(CatalogEffect part, CatalogEffect owner, String state);
        }

        void forEach(PartVisitor visitor) {
            parts.forEach((part, value) -> visitor.visit(part, value.owner(), value.state()));
        }

        java.util.Optional<CatalogEffect> ownerOf(CatalogEffect part) {
            return java.util.Optional.ofNullable(parts.get(part)).map(Part::owner);
        }

        java.util.Optional<String> stateOf(CatalogEffect part) {
            return java.util.Optional.ofNullable(parts.get(part)).map(Part::state);
        }
    }

    private CatalogGuard() {
    }

    static Snapshot read(Connection connection) throws SQLException {
        Map<CatalogEffect, Part> parts = new HashMap<>();
        // Prepared: planning this query takes longer than running it on a small catalog (15-25 ms); pgjdbc
        // keeps it prepared on the pooled connection, so it is planned once per connection, not twice per plan.
        try (PreparedStatement statement = connection.prepareStatement(STATE_SQL); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                CatalogEffect part = new CatalogEffect(CatalogEffect.Kind.valueOf(rows.getString(1)), rows.getString(2));
                CatalogEffect owner = new CatalogEffect(CatalogEffect.Kind.valueOf(rows.getString(3)), rows.getString(4));
                parts.put(part, new Part(owner, Objects.toString(rows.getString(5), "")));
            }
        }
        return new Snapshot(parts);
    }

    /** Every part whose state differs between the two snapshots, in a stable order. */
    static List<CatalogEffect> changed(Snapshot before, Snapshot after) {
        Set<CatalogEffect> all = new HashSet<>(before.parts.keySet());
        all.addAll(after.parts.keySet());
        return all.stream()
                .filter(part -> !Objects.equals(before.parts.get(part), after.parts.get(part)))
                .sorted((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.object().compareTo(b.object()))
                .toList();
    }

    /** Those of the {@code changed} parts the plan does not declare; empty when it kept to its word. */
    static List<CatalogEffect> undeclared(Plan plan, List<CatalogEffect> changed, Snapshot before, Snapshot after) {
        return changed.stream().filter(part -> !declared(plan, part, before, after)).toList();
    }

    private static boolean declared(Plan plan, CatalogEffect part, Snapshot before, Snapshot after) {
        if (plan.effects().contains(part)) {
            return true;
        }
        Part was = before.parts.get(part);
        Part is = after.parts.get(part);
        CatalogEffect owner = (is != null ? is : was).owner();
        // A created or dropped object brings or takes its privileges, policies, triggers and indexes.
        boolean ownerCreatedOrDropped = before.parts.containsKey(owner) != after.parts.containsKey(owner);
        if (plan.effects().contains(owner) && ownerCreatedOrDropped) {
            return true;
        }
        // CASCADE takes dependents away and strips what referred to them (a column default calling a
        // dropped function); it never creates, grants or enables anything.
        return plan.dropsDependents() && (is == null || (was != null && part.kind() == CatalogEffect.Kind.RELATION));
    }

    /** The refusal reviewers see in the dry-run, and the reason an apply fails. */
    static SqlError refusal(List<CatalogEffect> undeclared) {
        List<String> parts = undeclared.stream().map(CatalogEffect::display).toList();
        return new SqlError(SqlError.UNDECLARED_CHANGE, "the plan changed undeclared objects: " + String.join(", ", parts),
                "a statement of the plan changed more than the change declares, so nothing was kept",
                "do not approve this change: read its SQL fragments for a second statement", 0, -1);
    }

    private static String load(String name) {
        try (InputStream in = CatalogGuard.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
