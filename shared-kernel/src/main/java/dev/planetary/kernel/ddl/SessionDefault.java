package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;

import java.util.List;
import java.util.Objects;

/**
 * A default new sessions take over the server's: {@code ALTER ROLE role [IN DATABASE database] SET|RESET}
 * or, with no role, {@code ALTER DATABASE database SET|RESET}. No elements: RESET. A quoted list
 * (search_path) takes one constant per element, as {@link AlterSystem} writes it.
 */
public record SessionDefault(Identifier role, Identifier database, String parameter, List<String> elements) {

    public SessionDefault {
        if (role == null) {
            Objects.requireNonNull(database, "a database's default names the database");
        }
        if (parameter == null || !AlterSystem.NAME.matcher(parameter).matches()) {
            throw new IllegalArgumentException("not a parameter name: " + parameter);
        }
        elements = elements == null ? null : List.copyOf(elements);
    }

    public String sql() {
        String scope = role == null ? "ALTER DATABASE " + database.quoted()
                : "ALTER ROLE " + role.quoted() + (database == null ? "" : " IN DATABASE " + database.quoted());
        return elements == null ? scope + " RESET " + AlterSystem.quotedName(parameter)
                : scope + " SET " + AlterSystem.quotedName(parameter) + " = " + AlterSystem.value(elements);
    }
}
