package dev.planetary.kernel.config;

import java.util.Objects;

/**
 * What a change to a per-role or per-database default reads at proposal: the parameter's row of
 * {@code pg_settings}, the value {@code pg_db_role_setting} holds for it in that scope ({@code previous},
 * null when none: the inverse resets it, or sets it back), whether the role and database exist, and the
 * database of the scope ({@code database}: the one named, the target's own when a database's default names
 * none, null for a role's default in every database).
 */
public record SessionDefaultFacts(ConfigParameter parameter, String previous, boolean roleExists, boolean databaseExists,
                                  String database) {

    public SessionDefaultFacts {
        Objects.requireNonNull(parameter, "parameter");
    }
}
