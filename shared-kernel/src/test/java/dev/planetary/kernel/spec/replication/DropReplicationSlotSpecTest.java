package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.replication.SlotFacts;
import dev.planetary.kernel.spec.Hostile;
import org.junit.jupiter.api.Test;

import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

/** Dropping a slot: outside the transaction with a rehearsal, refused while in use, never for a name PostgreSQL would not give a slot. */
class DropReplicationSlotSpecTest {

    @Test
    void a_hostile_name_is_refused_before_it_reaches_sql() {
        assertViolation("slot", () -> new DropReplicationSlotSpec(Hostile.ROLE.name(), null));
        assertViolation("slot", () -> new DropReplicationSlotSpec("Upper", null));
    }

    @Test
    void the_drop_runs_outside_the_transaction_and_the_dry_run_checks_instead() {
        Plan plan = new DropReplicationSlotSpec("standby_gone", new SlotFacts(true, "physical", false, null, 3L << 30)).plan();
        assertThat(statements(plan)).containsExactly("SELECT pg_catalog.pg_drop_replication_slot(E'standby_gone')");
        assertThat(plan.statements().get(0).transactional()).isFalse();
        assertThat(plan.statements().get(0).outside().rehearsal()).contains("slot_name = E'standby_gone' AND active",
                "needs the REPLICATION attribute");
        assertThat(plan.summary()).isEqualTo("Drop replication slot standby_gone (physical), holding 3.0 GB of WAL");
        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.inverseNote()).contains("cannot be brought back");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void a_slot_in_use_or_gone_is_refused_with_the_reason() {
        assertViolation("slot", () -> new DropReplicationSlotSpec("orders_in", new SlotFacts(true, "logical", true, 4242, 0L)));
        assertViolation("slot", () -> new DropReplicationSlotSpec("orders_in", SlotFacts.NONE));
    }
}
