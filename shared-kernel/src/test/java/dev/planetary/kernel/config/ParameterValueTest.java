package dev.planetary.kernel.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterValueTest {

    static final ConfigParameter WORK_MEM = parameter("work_mem", "integer", "kB", "64", "2147483647", List.of());
    static final ConfigParameter SHARED_BUFFERS = parameter("shared_buffers", "integer", "8kB", "16", "1073741823", List.of());
    static final ConfigParameter STATEMENT_TIMEOUT = parameter("statement_timeout", "integer", "ms", "0", "2147483647", List.of());
    static final ConfigParameter RANDOM_PAGE_COST = parameter("random_page_cost", "real", null, "0", "1.79769e+308", List.of());
    static final ConfigParameter JIT = parameter("jit", "bool", null, null, null, List.of());
    static final ConfigParameter WAL_LEVEL = parameter("wal_level", "enum", null, null, null, List.of("minimal", "replica", "logical"));
    static final ConfigParameter SEARCH_PATH = parameter("search_path", "string", null, null, null, List.of());

    @Test
    void memory_and_time_are_converted_to_the_unit_pg_settings_shows() {
        assertThat(ParameterValue.of(WORK_MEM, "64MB").setting()).isEqualTo("65536");
        assertThat(ParameterValue.of(WORK_MEM, "64MB").elements()).containsExactly("64MB");
        assertThat(ParameterValue.of(WORK_MEM, " 8192 ").setting()).isEqualTo("8192");
        assertThat(ParameterValue.of(WORK_MEM, "1.5GB").setting()).isEqualTo("1572864");
        assertThat(ParameterValue.of(SHARED_BUFFERS, "256MB").setting()).isEqualTo("32768");
        assertThat(ParameterValue.of(STATEMENT_TIMEOUT, "30s").setting()).isEqualTo("30000");
        assertThat(ParameterValue.of(STATEMENT_TIMEOUT, "2min").setting()).isEqualTo("120000");
        assertThat(ParameterValue.of(RANDOM_PAGE_COST, "1.10").setting()).isEqualTo("1.1");
    }

    @Test
    void values_outside_the_type_range_or_units_are_refused_in_words() {
        assertThatThrownBy(() -> ParameterValue.of(WORK_MEM, "32kB")).hasMessageContaining("between 64 and 2147483647 (in kB)");
        assertThatThrownBy(() -> ParameterValue.of(WORK_MEM, "64mb")).hasMessageContaining("case matters");
        assertThatThrownBy(() -> ParameterValue.of(WORK_MEM, "30s")).hasMessageContaining("B, kB, MB, GB or TB");
        assertThatThrownBy(() -> ParameterValue.of(WORK_MEM, "64MB'; DROP TABLE x; --")).hasMessageContaining("is a number");
        assertThatThrownBy(() -> ParameterValue.of(RANDOM_PAGE_COST, "1ms")).hasMessageContaining("without a unit");
        assertThatThrownBy(() -> ParameterValue.of(JIT, "maybe")).hasMessageContaining("on or off");
        assertThatThrownBy(() -> ParameterValue.of(WAL_LEVEL, "archive")).hasMessageContaining("minimal, replica, logical");
        assertThatThrownBy(() -> ParameterValue.of(WORK_MEM, " ")).hasMessageContaining("give a value");
    }

    @Test
    void booleans_and_enums_take_their_canonical_spelling_and_lists_their_elements() {
        assertThat(ParameterValue.of(JIT, "TRUE").setting()).isEqualTo("on");
        assertThat(ParameterValue.of(WAL_LEVEL, "Logical").setting()).isEqualTo("logical");
        ParameterValue path = ParameterValue.of(SEARCH_PATH, "\"$user\", app,  public");
        assertThat(path.elements()).containsExactly("$user", "app", "public");
        assertThat(ParameterValue.holds(ParameterValue.comparedAs(SEARCH_PATH), path.setting(), "\"$user\", app, public")).isTrue();
        assertThat(ParameterValue.holds("integer", "65536", "65536")).isTrue();
        assertThat(ParameterValue.holds("real", "1.1", "1.10")).isTrue();
        assertThat(ParameterValue.holds("integer", "65536", "4096")).isFalse();
    }

    static ConfigParameter parameter(String name, String type, String unit, String min, String max, List<String> enumValues) {
        return new ConfigParameter(name, null, unit, "Tests", name, null, "user", type, "default", null, null, min, max,
                enumValues, null, null, false);
    }
}
