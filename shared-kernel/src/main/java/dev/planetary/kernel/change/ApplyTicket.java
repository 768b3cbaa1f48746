package dev.planetary.kernel.change;

import dev.planetary.kernel.plan.Plan;

/** The aggregate's answer to BeginApply: whether to run, and the approved revision's plan. */
public record ApplyTicket(ApplyStart start, int revision, Plan plan) {
}
