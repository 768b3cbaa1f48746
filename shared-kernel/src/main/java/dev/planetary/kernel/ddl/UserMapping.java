package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;

import java.util.List;

/**
 * {@code CREATE | DROP USER MAPPING FOR user SERVER s}: how a role (or PUBLIC) logs in to a foreign
 * server. A password option holds {@code Statement.SECRET}; the plan names the credential beside
 * the statement, and only the executor puts the secret in.
 */
public record UserMapping(Grantee user, Identifier server) {

    public String create(List<FdwOption> options) {
        return "CREATE USER MAPPING FOR " + user.sql() + " SERVER " + server.quoted()
                + (options.isEmpty() ? "" : " " + FdwOption.clause(options));
    }

    public String drop() {
        return "DROP USER MAPPING FOR " + user.sql() + " SERVER " + server.quoted();
    }
}
