package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.ddl.ReplicationSlotDdl;
import dev.planetary.kernel.plan.LockLint;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.replication.SlotFacts;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

/**
 * Drops a replication slot nobody uses, giving back the WAL it holds. Refused for a slot in use (its consumer would
 * take it again or fail) and one that is not there, from {@code facts} read at proposal. Runs outside the
 * transaction (PostgreSQL does not roll a slot's drop back); the dry-run checks instead. No inverse: a new slot
 * starts where WAL is now, and its consumer has to be set up again (a subscription copies its tables again).
 */
public record DropReplicationSlotSpec(String slot, SlotFacts facts) implements ChangeSpec {

    public static final String KIND = "drop-replication-slot";

    public DropReplicationSlotSpec {
        SpecViolation.required("slot", slot);
        try {
            ReplicationSlotDdl.requireName(slot);
        } catch (IllegalArgumentException e) {
            throw new SpecViolation("slot", e.getMessage());
        }
        if (facts != null && !facts.exists()) {
            throw new SpecViolation("slot", "there is no replication slot " + slot);
        }
        if (facts != null && facts.active()) {
            throw new SpecViolation("slot", "replication slot " + slot + " is in use" + (facts.activePid() == null ? ""
                    : " by backend " + facts.activePid()) + ": stop its consumer (disable the subscription, stop the standby) first");
        }
    }

    public DropReplicationSlotSpec withFacts(SlotFacts facts) {
        return new DropReplicationSlotSpec(slot, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String holding = facts == null || facts.retainedBytes() == null ? "" : ", holding " + LockLint.size(facts.retainedBytes()) + " of WAL";
        return PlanBuilder.summarised("Drop replication slot " + slot + (facts == null || facts.type() == null ? "" : " (" + facts.type() + ")")
                        + holding)
                .touches(ObjectRef.slot(slot))
                .statementOutsideTransaction(ReplicationSlotDdl.drop(slot),
                        OutsideTransaction.rehearsedAs(ReplicationSlotDdl.rehearsal(slot), OutsideTransaction.Progress.NONE))
                .noInverse("a dropped slot cannot be brought back where it was: its consumer has to be set up again"
                        + " (a subscription copies its tables again, a standby is rebuilt)")
                .highRisk("the slot's consumer can no longer resume where it stopped")
                .build();
    }
}
