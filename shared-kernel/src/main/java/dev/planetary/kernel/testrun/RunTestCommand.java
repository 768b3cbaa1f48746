package dev.planetary.kernel.testrun;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;

import java.util.Set;

/** Runs a test in a rolled-back transaction as {@code actor}: answered with its {@link TestRunResult}. */
public record RunTestCommand(TestRunRequest request, String actor) implements PersonCommand {

    @Override
    public String person() {
        return actor;
    }

    @Override
    public Set<PlanetaryRight> rights() {
        return Set.of(PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER);
    }
}
