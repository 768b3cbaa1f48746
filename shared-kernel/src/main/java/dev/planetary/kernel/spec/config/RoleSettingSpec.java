package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;

/**
 * A role's own default for a parameter ({@code ALTER ROLE role [IN DATABASE database] SET parameter = value},
 * or RESET), which its new sessions take over the server's: in every database, or in one. {@code facts}
 * are read at proposal: the parameter's row of pg_settings (the value is checked against it) and the value
 * the role had there, which the inverse puts back.
 */
public record RoleSettingSpec(Identifier role, Identifier database, String parameter, String value, Boolean reset,
                              SessionDefaultFacts facts) implements ChangeSpec {

    public static final String KIND = "role-setting";

    public RoleSettingSpec {
        SpecViolation.required("role", role);
        parameter = ParameterChange.name(parameter);
        reset = reset != null && reset;
        value = ParameterChange.value(value, reset);
        if (facts != null) {
            SessionDefaults.check(facts, role, database, parameter, value);
        }
    }

    public RoleSettingSpec withFacts(SessionDefaultFacts facts) {
        return new RoleSettingSpec(role, database, parameter, value, reset, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String where = "role " + role.name() + (database == null ? "" : " in database " + database.name());
        return SessionDefaults.plan("Default of " + where + ": " + (reset ? "reset " + parameter : parameter + " = " + value),
                role, database, parameter, value, facts);
    }
}
