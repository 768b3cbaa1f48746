package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CREATE, ALTER and DROP POLICY, rendered here and nowhere else. USING and WITH CHECK are the
 * requester's SQL fragments, in parentheses; no roles means PUBLIC (TO is left out).
 */
public final class Policy {

    private Policy() {
    }

    public static String create(Identifier name, QualifiedName table, PolicyMode mode, PolicyCommand command,
                                List<Grantee> roles, SqlFragment using, SqlFragment withCheck) {
        return "CREATE POLICY " + name.quoted() + " ON " + table.quoted() + " AS " + mode + " FOR " + command
                + clauses(roles, using, withCheck);
    }

    /** ALTER POLICY: only the clauses given change. */
    public static String alter(Identifier name, QualifiedName table, List<Grantee> roles, SqlFragment using, SqlFragment withCheck) {
        return "ALTER POLICY " + name.quoted() + " ON " + table.quoted() + clauses(roles, using, withCheck);
    }

    public static String drop(Identifier name, QualifiedName table) {
        return "DROP POLICY " + name.quoted() + " ON " + table.quoted();
    }

    private static String clauses(List<Grantee> roles, SqlFragment using, SqlFragment withCheck) {
        StringBuilder sql = new StringBuilder();
        if (roles != null && !roles.isEmpty()) {
            sql.append(" TO ").append(roles.stream().map(Grantee::sql).collect(Collectors.joining(", ")));
        }
        if (using != null) {
            sql.append(" USING ").append(using.parenthesized());
        }
        if (withCheck != null) {
            sql.append(" WITH CHECK ").append(withCheck.parenthesized());
        }
        return sql.toString();
    }
}
