package dev.planetary.command.target;

import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.plan.PlanStep;

/** Hears about the steps of a plan as the executor runs them (the change's timeline records them). */
@FunctionalInterface
public interface StepListener {

    StepListener NONE = (step, status, progress, durationMillis, note) -> {
    };

    void step(PlanStep step, StepStatus status, StepProgress progress, long durationMillis, String note);
}
