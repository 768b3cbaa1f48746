package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.SCHEMA;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class SessionDefaultSpecsTest {

    private static final ConfigParameter SEARCH_PATH = parameter("search_path", "user", "string", null);
    private static final ConfigParameter STATEMENT_TIMEOUT = parameter("statement_timeout", "user", "integer", "ms");
    private static final ConfigParameter LOG_CONNECTIONS = parameter("log_connections", "superuser-backend", "bool", null);
    private static final Identifier DATABASE = SCHEMA; // "Mixed Case"

    @Test
    void a_roles_default_in_one_database_is_set_with_each_list_element_quoted_and_the_inverse_puts_back_the_old_one() {
        Plan plan = new RoleSettingSpec(ROLE, DATABASE, "search_path", "app, \"$user\"", null, null)
                .withFacts(new SessionDefaultFacts(SEARCH_PATH, "\"$user\", public", true, true, DATABASE.name())).plan();
        assertThat(statements(plan)).containsExactly(
                "ALTER ROLE \"x\"\"; DROP TABLE t; --\" IN DATABASE \"Mixed Case\" SET \"search_path\" = E'app', E'$user'");
        assertThat(inverse(plan)).containsExactly(
                "ALTER ROLE \"x\"\"; DROP TABLE t; --\" IN DATABASE \"Mixed Case\" SET \"search_path\" = E'$user', E'public'");
        assertThat(plan.touches()).containsExactly(ObjectRef.parameter("search_path"), ObjectRef.role(ROLE));
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.steps().get(0).transactional()).isTrue();
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void a_roles_default_in_every_database_resets_to_nothing_when_it_had_none() {
        Plan plan = new RoleSettingSpec(ROLE, null, "statement_timeout", "30s", null, null)
                .withFacts(new SessionDefaultFacts(STATEMENT_TIMEOUT, null, true, true, null)).plan();
        assertThat(statements(plan)).containsExactly("ALTER ROLE \"x\"\"; DROP TABLE t; --\" SET \"statement_timeout\" = E'30s'");
        assertThat(inverse(plan)).containsExactly("ALTER ROLE \"x\"\"; DROP TABLE t; --\" RESET \"statement_timeout\"");
    }

    @Test
    void a_databases_default_names_the_targets_database_when_none_is_given() {
        Plan plan = new DatabaseSettingSpec(null, "statement_timeout", null, true, null)
                .withFacts(new SessionDefaultFacts(STATEMENT_TIMEOUT, "1min", false, true, DATABASE.name())).plan();
        assertThat(statements(plan)).containsExactly("ALTER DATABASE \"Mixed Case\" RESET \"statement_timeout\"");
        assertThat(inverse(plan)).containsExactly("ALTER DATABASE \"Mixed Case\" SET \"statement_timeout\" = E'1min'");
        assertViolation("database", () -> new DatabaseSettingSpec(null, "statement_timeout", "1s", null, null).plan());
    }

    @Test
    void what_sessions_cannot_set_and_what_does_not_exist_is_refused_naming_the_field() {
        assertViolation("parameter", () -> new RoleSettingSpec(ROLE, null, "log_connections", "on", null,
                new SessionDefaultFacts(LOG_CONNECTIONS, null, true, true, null)));
        assertViolation("role", () -> new RoleSettingSpec(ROLE, null, "statement_timeout", "1s", null,
                new SessionDefaultFacts(STATEMENT_TIMEOUT, null, false, true, null)));
        assertViolation("database", () -> new RoleSettingSpec(ROLE, DATABASE, "statement_timeout", "1s", null,
                new SessionDefaultFacts(STATEMENT_TIMEOUT, null, true, false, DATABASE.name())));
        assertViolation("value", () -> new DatabaseSettingSpec(DATABASE, "statement_timeout", "soon", null,
                new SessionDefaultFacts(STATEMENT_TIMEOUT, null, false, true, DATABASE.name())));
        assertViolation("role", () -> new RoleSettingSpec(null, null, "statement_timeout", "1s", null, null));
        assertViolation("parameter", () -> new RoleSettingSpec(ROLE, null, "statement_timeout = 0; --", "1s", null, null));
    }

    private static ConfigParameter parameter(String name, String context, String type, String unit) {
        return new ConfigParameter(name, null, unit, "Tests", name, null, context, type, "default", null, null,
                "integer".equals(type) ? "0" : null, "integer".equals(type) ? "2147483647" : null, List.of(), null, null, false);
    }
}
