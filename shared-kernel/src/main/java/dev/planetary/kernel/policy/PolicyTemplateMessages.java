package dev.planetary.kernel.policy;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;

/** Row-policy templates people saved, and where claims are used, over the buses. */
public final class PolicyTemplateMessages {

    private PolicyTemplateMessages() {
    }

    /** Answered with the saved templates, by name. */
    @RequiresRight
    public record FindSavedTemplatesQuery() {
    }

    /** Saves a new template; a name already taken is refused (a SpecViolation on {@code name}). */
    @RequiresRight(PlanetaryRight.REQUESTER)
    public record SaveTemplateCommand(SavedPolicyTemplate template, @ActsFor String by) {
    }

    /** Answered with every {@link ClaimUse}: which policies, functions and views read which claim. */
    @RequiresRight
    public record FindClaimUsesQuery(TargetId target) {
    }
}
