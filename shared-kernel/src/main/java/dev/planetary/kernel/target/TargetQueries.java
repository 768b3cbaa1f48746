package dev.planetary.kernel.target;

import dev.planetary.kernel.identity.RequiresRight;

/** Questions about the targets Planetary manages, asked on the query bus. */
public final class TargetQueries {

    private TargetQueries() {
    }

    /** Answered with every {@link TargetView}, in the order the targets are configured. */
    @RequiresRight
    public record FindTargetsQuery() {
    }
}
