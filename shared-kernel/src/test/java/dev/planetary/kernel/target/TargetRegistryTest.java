package dev.planetary.kernel.target;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request that names no target means the home target: the default one, or with none the first configured. */
class TargetRegistryTest {

    private static Map<TargetId, String> targets(String... names) {
        Map<TargetId, String> targets = new LinkedHashMap<>();
        for (String name : names) {
            targets.put(TargetId.of(name), name + "-pool");
        }
        return targets;
    }

    @Test
    void with_only_named_targets_the_first_configured_is_home_and_answers_for_no_target() {
        TargetRegistry<String> registry = new TargetRegistry<>(targets("dev", "staging", "prod"));

        assertThat(registry.homeId()).isEqualTo(TargetId.of("dev"));
        assertThat(registry.get(null)).isEqualTo("dev-pool");
        assertThat(registry.get(TargetId.of("prod"))).isEqualTo("prod-pool");
        assertThatThrownBy(() -> registry.get(TargetId.DEFAULT)).isInstanceOf(UnknownTargetException.class)
                .hasMessageContaining("default");
    }

    @Test
    void the_default_target_is_home_wherever_it_is_configured() {
        TargetRegistry<String> registry = new TargetRegistry<>(targets("staging", "default"));

        assertThat(registry.home()).isEqualTo("default-pool");
        assertThat(registry.get(null)).isEqualTo("default-pool");
        assertThat(registry.all()).containsExactly("staging-pool", "default-pool");
    }

    @Test
    void targets_registered_at_run_time_are_added_after_the_configured_ones_and_taken_out_again() {
        TargetRegistry<String> registry = new TargetRegistry<>(targets("default", "staging"));

        assertThat(registry.put(TargetId.of("eu-1"), "eu-1-pool")).isEmpty();
        assertThat(registry.all()).containsExactly("default-pool", "staging-pool", "eu-1-pool");
        assertThat(registry.get(TargetId.of("eu-1"))).isEqualTo("eu-1-pool");

        assertThat(registry.remove(TargetId.of("eu-1"))).contains("eu-1-pool");
        assertThat(registry.has(TargetId.of("eu-1"))).isFalse();
        assertThatThrownBy(() -> registry.get(TargetId.of("eu-1"))).isInstanceOf(UnknownTargetException.class);
        assertThat(registry.remove(TargetId.of("eu-1"))).isEmpty();
        assertThatThrownBy(() -> registry.remove(TargetId.DEFAULT)).as("people sign in with the home target")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.get(null)).isEqualTo("default-pool");
    }

    @Test
    void a_registration_opens_a_target_once_replaces_it_when_its_settings_change_and_never_touches_a_configured_one() {
        TargetRegistry<String> registry = new TargetRegistry<>(targets("default", "staging"));
        java.util.List<String> closed = new java.util.ArrayList<>();

        assertThat(registry.register(TargetId.of("eu-1"), "url-a", held -> "url-" + held.substring(held.length() - 1),
                () -> "pool-a", closed::add)).isTrue();
        assertThat(registry.register(TargetId.of("eu-1"), "url-a", held -> "url-" + held.substring(held.length() - 1),
                () -> "pool-again", closed::add)).as("same settings: the pool is kept").isFalse();
        assertThat(registry.register(TargetId.of("eu-1"), "url-b", held -> "url-" + held.substring(held.length() - 1),
                () -> "pool-b", closed::add)).isTrue();
        assertThat(closed).containsExactly("pool-a");
        assertThat(registry.registered()).containsExactly(TargetId.of("eu-1"));

        assertThat(registry.register(TargetId.of("staging"), "x", held -> held, () -> "hijacked", closed::add)).isFalse();
        registry.disable(TargetId.of("staging"), closed::add);
        assertThat(registry.get(TargetId.of("staging"))).isEqualTo("staging-pool");

        registry.disable(TargetId.of("eu-1"), closed::add);
        assertThat(closed).containsExactly("pool-a", "pool-b");
        assertThat(registry.registered()).isEmpty();
    }
}
