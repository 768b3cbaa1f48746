package dev.planetary.kernel.spec.config;

import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterFacts;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanStep;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.plan.SettingCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class AlterSystemSpecTest {

    private static final ConfigParameter WORK_MEM = parameter("work_mem", "user", "integer", "kB", List.of());
    private static final ConfigParameter SHARED_BUFFERS = parameter("shared_buffers", "postmaster", "integer", "8kB", List.of());
    private static final ConfigParameter SEARCH_PATH = parameter("search_path", "user", "string", null, List.of());

    @Test
    void a_set_runs_alone_outside_a_transaction_is_rehearsed_as_a_rights_check_and_checked_after_the_reload() {
        Plan plan = new AlterSystemSpec("work_mem", "64MB", null, null).withFacts(new ParameterFacts(WORK_MEM, null, true)).plan();
        assertThat(statements(plan)).containsExactly("ALTER SYSTEM SET \"work_mem\" = E'64MB'");
        PlanStep step = plan.steps().get(0);
        assertThat(step.transactional()).isFalse();
        assertThat(step.only().outside().rehearsal()).contains("has_parameter_privilege('work_mem', 'ALTER SYSTEM')")
                .contains("pg_reload_conf()").startsWith("DO $planetary$");
        assertThat(step.only().outside().setting()).isEqualTo(new SettingCheck("work_mem", "integer", "65536"));
        assertThat(inverse(plan)).containsExactly("ALTER SYSTEM RESET \"work_mem\"");
        assertThat(plan.touches()).containsExactly(ObjectRef.parameter("work_mem"));
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void the_inverse_writes_back_what_postgresql_auto_conf_held_and_a_restart_is_high_risk() {
        Plan plan = new AlterSystemSpec("Shared_Buffers", "256MB", false, null)
                .withFacts(new ParameterFacts(SHARED_BUFFERS, "128MB", true)).plan();
        assertThat(statements(plan)).containsExactly("ALTER SYSTEM SET \"shared_buffers\" = E'256MB'");
        assertThat(inverse(plan)).containsExactly("ALTER SYSTEM SET \"shared_buffers\" = E'128MB'");
        assertThat(plan.inverse().get(0).outside().setting()).isEqualTo(new SettingCheck("shared_buffers", "integer", "16384"));
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.riskReasons()).anyMatch(reason -> reason.contains("restarts"));
        Plan unknownFile = new AlterSystemSpec("work_mem", "64MB", null, null).withFacts(new ParameterFacts(WORK_MEM, null, false)).plan();
        assertThat(unknownFile.inverse()).isEmpty();
        assertThat(unknownFile.inverseNote()).contains("pg_file_settings");
    }

    @Test
    void a_quoted_list_takes_one_constant_per_element_and_a_reset_has_no_value() {
        Plan path = new AlterSystemSpec("search_path", "\"$user\", app", null, null).withFacts(new ParameterFacts(SEARCH_PATH, null, true)).plan();
        assertThat(statements(path)).containsExactly("ALTER SYSTEM SET \"search_path\" = E'$user', E'app'");
        Plan reset = new AlterSystemSpec("work_mem", null, true, null).withFacts(new ParameterFacts(WORK_MEM, "64MB", true)).plan();
        assertThat(statements(reset)).containsExactly("ALTER SYSTEM RESET \"work_mem\"");
        assertThat(reset.steps().get(0).only().outside().setting().expected()).isNull();
        assertThat(inverse(reset)).containsExactly("ALTER SYSTEM SET \"work_mem\" = E'64MB'");
        assertThat(new AlterSystemSpec("fsync", "off", null, null).plan().risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void names_and_values_are_checked_before_anything_is_stored() {
        assertViolation("parameter", () -> new AlterSystemSpec("work_mem = 1; DROP TABLE x; --", "1", null, null));
        assertViolation("parameter", () -> new AlterSystemSpec("\"work_mem\"", "1", null, null));
        assertViolation("value", () -> new AlterSystemSpec("work_mem", null, null, null));
        assertViolation("value", () -> new AlterSystemSpec("work_mem", "1MB", true, null));
        assertViolation("value", () -> new AlterSystemSpec("work_mem", "64 apples", null, new ParameterFacts(WORK_MEM, null, true)));
        assertViolation("value", () -> new AlterSystemSpec("work_mem", "1kB", null, null).withFacts(new ParameterFacts(WORK_MEM, null, true)));
        assertViolation("parameter", () -> new AlterSystemSpec("block_size", "16384", null,
                new ParameterFacts(parameter("block_size", "internal", "integer", null, List.of()), null, true)));
    }

    private static ConfigParameter parameter(String name, String context, String type, String unit, List<String> enumValues) {
        return new ConfigParameter(name, null, unit, "Tests", name, null, context, type, "default", null, null,
                "integer".equals(type) ? "64" : null, "integer".equals(type) ? "1073741823" : null, enumValues, null, null, false);
    }
}
