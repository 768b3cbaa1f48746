package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterValue;
import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.ddl.SessionDefault;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;

import java.util.Set;

/**
 * The plan of a per-role or per-database default ({@code ALTER ROLE/DATABASE ... SET/RESET}), shared by
 * {@link RoleSettingSpec} and {@link DatabaseSettingSpec}: one transactional statement, its inverse from
 * what pg_db_role_setting held at proposal, and the checks of the facts read then.
 */
final class SessionDefaults {

    /** What a session can take at its start from its role or database: the parameters SET can change. */
    static final Set<String> SESSION_CONTEXTS = Set.of("user", "superuser");

    private SessionDefaults() {
    }

    /** Refuses what the facts say cannot be: a missing role or database, a parameter sessions cannot set, a wrong value. */
    static void check(SessionDefaultFacts facts, Identifier role, Identifier database, String parameter, String value) {
        if (role != null && !facts.roleExists()) {
            throw new SpecViolation("role", "there is no role " + role.name());
        }
        if (database != null && !facts.databaseExists()) {
            throw new SpecViolation("database", "there is no database " + database.name());
        }
        ParameterChange.check(facts.parameter(), parameter, value, SESSION_CONTEXTS,
                "is not set per session (it takes {takes}): change it for the server with alter-system");
    }

    static Plan plan(String summary, Identifier role, Identifier database, String parameter, String value, SessionDefaultFacts facts) {
        ConfigParameter known = facts == null ? null : facts.parameter();
        SessionDefault statement = new SessionDefault(role, database, parameter,
                value == null ? null : ParameterChange.elements(known, parameter, value));
        PlanBuilder plan = PlanBuilder.summarised(summary).touches(ObjectRef.parameter(parameter)).statement(statement.sql());
        if (role != null) {
            plan.touches(ObjectRef.role(role)).changes(CatalogEffect.role(role));
        } else {
            plan.changes(CatalogEffect.database(database));
        }
        if (facts == null) {
            plan.inverseNote("the inverse needs the value pg_db_role_setting held; Planetary reads it when the change is proposed");
        } else {
            String previous = facts.previous();
            plan.inverse(new SessionDefault(role, database, parameter,
                    previous == null ? null : ParameterValue.elementsOf(parameter, previous)).sql());
        }
        plan.finding(LintFinding.info("new-sessions", "new sessions take it when they start; sessions already open keep their value,"
                + " and a session's own SET still wins"));
        if (known != null && "superuser".equals(known.context())) {
            plan.finding(LintFinding.info("superuser-parameter", parameter + " is reserved to superusers: Planetary's login needs"
                    + " GRANT SET ON PARAMETER " + parameter + " (PostgreSQL 15); the dry-run says so when it is missing"));
        }
        return plan.build();
    }
}
