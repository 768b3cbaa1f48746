package dev.planetary.kernel.registration;

import dev.planetary.kernel.registration.RegistrationQueries.RegisteredTarget;
import dev.planetary.kernel.registration.RegistrationQueries.RegisteredTargets;
import dev.planetary.kernel.target.TargetId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A side's targets follow the read model, but a read model that lags never undoes what the side has heard. */
class RegisteredTargetsSyncTest {

    private static final TargetId EU = TargetId.of("eu-one");
    private static final TargetSettings SETTINGS = new TargetSettings("EU", "staging", "jdbc:postgresql://h/db", "m", "d", null);

    private final RegistrationsHeard heard = new RegistrationsHeard();
    private final List<TargetId> registered = new ArrayList<>();
    private final List<TargetId> disabled = new ArrayList<>();

    private void sync(Set<TargetId> held, RegisteredTarget... rows) {
        new RegisteredTargets(List.of(rows)).syncInto(heard, (id, settings) -> registered.add(id), held, disabled::add);
    }

    @Test
    void a_target_just_heard_approved_stays_while_the_read_model_still_shows_it_requested_or_not_at_all() {
        heard.heard(EU, 4);
        sync(Set.of(EU), new RegisteredTarget(EU, SETTINGS, false, 3));
        sync(Set.of(EU));
        assertThat(disabled).isEmpty();
    }

    @Test
    void the_read_model_registers_what_is_in_use_and_lets_go_of_what_it_shows_disabled_at_least_as_new_as_heard() {
        sync(Set.of(), new RegisteredTarget(EU, SETTINGS, true, 4));
        assertThat(registered).containsExactly(EU);

        heard.heard(EU, 4);
        sync(Set.of(EU), new RegisteredTarget(EU, SETTINGS, false, 5));
        assertThat(disabled).containsExactly(EU);
    }

    @Test
    void a_disable_heard_is_not_undone_by_a_read_model_that_still_shows_the_target_in_use() {
        heard.heard(EU, 5);
        sync(Set.of(), new RegisteredTarget(EU, SETTINGS, true, 4));
        assertThat(registered).isEmpty();
    }

    @Test
    void a_held_target_the_read_model_does_not_know_and_nothing_was_heard_of_is_let_go() {
        sync(Set.of(EU));
        assertThat(disabled).containsExactly(EU);
    }
}
