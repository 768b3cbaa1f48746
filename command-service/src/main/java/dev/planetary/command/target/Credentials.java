package dev.planetary.command.target;

import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.sql.SqlLiteral;
import org.springframework.core.env.Environment;

import java.util.Optional;

/**
 * Secrets a plan refers to by name ({@code planetary.credentials.<name>.password}), read from
 * configuration at the moment a statement runs. Nothing here is logged, and the SQL with the
 * secret in it exists only on its way to the driver.
 */
public class Credentials {

    private final Environment environment;

    public Credentials(Environment environment) {
        this.environment = environment;
    }

    /** The statement's SQL to run, with its credential's secret where the plan shows the mask. */
    String sqlToRun(Statement statement) {
        if (statement.credential() == null) {
            return statement.sql();
        }
        String secret = password(statement.credential()).orElseThrow(() -> new MissingCredential(statement.credential()));
        return statement.sql().replace(Statement.SECRET, SqlLiteral.string(secret));
    }

    private Optional<String> password(String name) {
        return Optional.ofNullable(environment.getProperty("planetary.credentials." + name + ".password"))
                .filter(p -> !p.isEmpty());
    }

    /** A plan names a credential that is not configured: the statement is not run. */
    static final class MissingCredential extends RuntimeException {
        MissingCredential(String name) {
            super("the credential '" + name + "' is not configured (planetary.credentials." + name + ".password)");
        }
    }
}
