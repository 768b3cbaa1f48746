package dev.planetary.kernel.replication;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * An operator tests whether a postgres_fdw server answers, as the executor's login and its user mapping reach it:
 * answered with the {@link ForeignServerTestedEvent}, kept in the history under the server.
 */
@RequiresRight(PlanetaryRight.OPERATOR)
public record TestForeignServerCommand(TargetId target, String server, @ActsFor String actor) {
}
