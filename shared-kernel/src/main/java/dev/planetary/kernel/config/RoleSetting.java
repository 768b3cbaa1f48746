package dev.planetary.kernel.config;

/**
 * A default set with {@code ALTER ROLE ... [IN DATABASE ...] SET} or {@code ALTER DATABASE ... SET}
 * ({@code pg_db_role_setting}): it applies to new sessions of {@code role} (null: every role) in
 * {@code database} (null: every database), over the server's configuration.
 */
public record RoleSetting(String role, String database, String parameter, String value) {

    /** Whom and where it applies to, in words. */
    public String scope() {
        if (role == null) {
            return "every session in database " + database;
        }
        return database == null ? "role " + role + ", in every database" : "role " + role + " in database " + database;
    }
}
