package dev.planetary.kernel.testrun;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/** Runs a test on a target in a rolled-back transaction as {@code actor}: answered with its {@link TestRunResult}. */
@RequiresRight({PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER})
public record RunTestCommand(TargetId target, TestRunRequest request, @ActsFor String actor) {
}
