package dev.planetary.kernel.testrun;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;

/** Runs a test in a rolled-back transaction as {@code actor}: answered with its {@link TestRunResult}. */
@RequiresRight({PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER})
public record RunTestCommand(TestRunRequest request, @ActsFor String actor) {
}
