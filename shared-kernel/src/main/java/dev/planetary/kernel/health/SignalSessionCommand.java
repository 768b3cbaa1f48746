package dev.planetary.kernel.health;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/**
 * An operator cancels a session's query or ends the session, saying why: answered with a
 * {@link SessionSignalledEvent} and recorded in the history with what the session was running.
 */
@RequiresRight(PlanetaryRight.OPERATOR)
public record SignalSessionCommand(TargetId target, int pid, SessionSignal signal, String reason, @ActsFor String actor) {
}
