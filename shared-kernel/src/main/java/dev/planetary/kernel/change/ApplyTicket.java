package dev.planetary.kernel.change;

import dev.planetary.kernel.plan.Plan;

/**
 * The aggregate's answer to BeginApply: whether to run, the approved revision's plan, and what
 * its objects looked like at the dry-run (null for a change dry-run before the drift guard).
 */
public record ApplyTicket(ApplyStart start, int revision, Plan plan, Baseline baseline) {

    public ApplyTicket(ApplyStart start, int revision, Plan plan) {
        this(start, revision, plan, null);
    }
}
