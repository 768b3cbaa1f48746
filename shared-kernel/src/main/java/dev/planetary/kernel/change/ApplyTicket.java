package dev.planetary.kernel.change;

import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.target.TargetId;

/**
 * The aggregate's answer to BeginApply: whether to run, the approved revision's plan, and what
 * its objects looked like at the dry-run (null for a change dry-run before the drift guard).
 */
public record ApplyTicket(ApplyStart start, TargetId target, int revision, Plan plan, Baseline baseline) {

    public ApplyTicket(ApplyStart start, TargetId target, int revision, Plan plan) {
        this(start, target, revision, plan, null);
    }
}
