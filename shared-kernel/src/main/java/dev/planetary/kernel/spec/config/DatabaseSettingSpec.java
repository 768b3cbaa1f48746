package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;

/**
 * A database's own default for a parameter ({@code ALTER DATABASE database SET parameter = value}, or RESET),
 * which every new session in it takes over the server's (a role's own default wins over it); no database
 * named: the target's own. {@code facts} are read at proposal: the parameter's row of pg_settings and the
 * database's value, which the inverse puts back. ALTER DATABASE needs the database's owner.
 */
public record DatabaseSettingSpec(Identifier database, String parameter, String value, Boolean reset,
                                  SessionDefaultFacts facts) implements ChangeSpec {

    public static final String KIND = "database-setting";

    public DatabaseSettingSpec {
        parameter = ParameterChange.name(parameter);
        reset = reset != null && reset;
        value = ParameterChange.value(value, reset);
        if (facts != null) {
            database = database == null ? Identifier.of(facts.database()) : database;
            SessionDefaults.check(facts, null, database, parameter, value);
        }
    }

    public DatabaseSettingSpec withFacts(SessionDefaultFacts facts) {
        return new DatabaseSettingSpec(database, parameter, value, reset, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        if (database == null) {
            throw new SpecViolation("database", "name the database, or let Planetary read the target's when the change is proposed");
        }
        return SessionDefaults.plan("Default of database " + database.name() + ": " + (reset ? "reset " + parameter : parameter + " = " + value),
                null, database, parameter, value, facts);
    }
}
