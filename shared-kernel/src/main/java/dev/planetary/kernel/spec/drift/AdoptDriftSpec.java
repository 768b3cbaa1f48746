package dev.planetary.kernel.spec.drift;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;

import java.util.regex.Pattern;

/**
 * Adopts drift: records, after the fact and through the usual review, that a DDL statement which
 * ran outside Planetary is accepted. Nothing runs (the statement already did); the approvals are
 * the record of who accepted it.
 */
public record AdoptDriftSpec(String driftId, String reason) implements ChangeSpec {

    public static final String KIND = "adopt-drift";
    static final Pattern DRIFT_ID = Pattern.compile("drift-[0-9]{1,18}");

    public AdoptDriftSpec {
        if (driftId == null || !DRIFT_ID.matcher(driftId).matches()) {
            throw new SpecViolation("driftId", "the drift to adopt, as the timeline names it (drift-123)");
        }
        if (reason == null || reason.isBlank()) {
            throw new SpecViolation("reason", "say why this change is accepted after the fact");
        }
        reason = SpecViolation.sendable("reason", reason.strip(), "a reason");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        return PlanBuilder.summarised("Adopt " + driftId + ": accept a change made outside Planetary (" + reason + ")")
                .noInverse("the statement already ran; reverting it is a change of its own (revert-drift)")
                .finding(LintFinding.info("adopt-drift", "nothing runs: approving records who accepted " + driftId))
                .build();
    }
}
