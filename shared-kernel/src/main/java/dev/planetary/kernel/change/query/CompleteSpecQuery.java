package dev.planetary.kernel.change.query;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;

/**
 * The spec as it would be recorded, completed with what Planetary reads from the catalog: what a
 * proposal form previews before anything is proposed. Answered with a {@link ChangeSpec}, or
 * refused with the {@code SpecViolation} naming the field.
 */
@RequiresRight(PlanetaryRight.REQUESTER)
public record CompleteSpecQuery(TargetId target, ChangeSpec spec) {
}
