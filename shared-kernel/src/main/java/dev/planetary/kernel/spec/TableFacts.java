package dev.planetary.kernel.spec;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;
import java.util.Set;

/**
 * What the catalog said about a table when a protection was proposed. Planetary reads these facts
 * itself (a client's copy is always replaced), stores them with the change, and derives from them
 * what the protection replaces and how "unprotect" puts it back.
 */
public record TableFacts(
        Identifier owner,
        boolean ownerBypassesRls,
        boolean rlsEnabled,
        boolean rlsForced,
        List<FactColumn> columns,
        List<Identifier> primaryKey,
        List<FactGrant> grants,
        List<FactPolicy> policies,
        List<DependentView> dependentViews,
        List<Grantee> schemaUsage) {

    public TableFacts {
        SpecViolation.required("facts.owner", owner);
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        grants = grants == null ? List.of() : List.copyOf(grants);
        policies = policies == null ? List.of() : List.copyOf(policies);
        dependentViews = dependentViews == null ? List.of() : List.copyOf(dependentViews);
        schemaUsage = schemaUsage == null ? List.of() : List.copyOf(schemaUsage);
    }

    /**
     * A column: its type as {@code format_type} spells it, whether the server assigns it (identity,
     * generated, or a sequence default: never written through a view) and its default otherwise.
     */
    public record FactColumn(Identifier name, String type, boolean generated, SqlFragment defaultValue) {
        public FactColumn {
            SpecViolation.required("facts.columns.name", name);
            if (type == null || type.isBlank() || type.contains(";") || type.contains("--") || type.indexOf('\0') >= 0) {
                throw new SpecViolation("facts.columns.type", "'" + type + "' is not a type as PostgreSQL prints one");
            }
        }
    }

    /** A privilege someone other than the owner holds on the table, or on one column when {@code column} is set. */
    public record FactGrant(Grantee grantee, String privilege, Identifier column, boolean grantable) {
        private static final Set<String> TABLE_PRIVILEGES =
                Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

        public FactGrant {
            SpecViolation.required("facts.grants.grantee", grantee);
            if (privilege == null || !TABLE_PRIVILEGES.contains(privilege)) {
                throw new SpecViolation("facts.grants.privilege", "'" + privilege + "' is not a table privilege");
            }
        }
    }

    /** A policy the table had, kept whole so unprotect can create it again. */
    public record FactPolicy(Identifier name, PolicyCommand command, PolicyMode mode, List<Grantee> roles,
                             SqlFragment using, SqlFragment withCheck) {
        public FactPolicy {
            SpecViolation.required("facts.policies.name", name);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** A view that already reads the table, and who owns it (a view reads as its owner). */
    public record DependentView(QualifiedName name, Identifier owner) {
    }

    public FactColumn column(Identifier name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Roles other than the owner with any privilege on the table, PUBLIC first, in a stable order. */
    public List<Grantee> grantees() {
        return grants.stream().map(FactGrant::grantee).distinct()
                .sorted((a, b) -> a.isPublic() ? -1 : b.isPublic() ? 1 : a.role().compareTo(b.role()))
                .toList();
    }
}
