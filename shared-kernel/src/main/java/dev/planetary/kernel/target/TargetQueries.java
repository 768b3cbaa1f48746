package dev.planetary.kernel.target;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;

import java.util.Set;

/** Questions about the targets Planetary manages, asked on the query bus. */
public final class TargetQueries {

    private TargetQueries() {
    }

    /** Answered with every {@link TargetView}, in the order the targets are configured. */
    @RequiresRight
    public record FindTargetsQuery() {
    }

    /**
     * A person's rights on one target: their membership in that target's {@code planetary_*} roles,
     * read on that target (answered with {@link TargetRights}). Anyone signed in may ask for their own.
     */
    @RequiresRight(signedIn = true)
    public record FindTargetRightsQuery(TargetId target, @ActsFor String login) {
    }

    /** The answer to {@link FindTargetRightsQuery}. */
    public record TargetRights(Set<PlanetaryRight> rights) {

        public TargetRights {
            rights = Set.copyOf(rights);
        }
    }
}
