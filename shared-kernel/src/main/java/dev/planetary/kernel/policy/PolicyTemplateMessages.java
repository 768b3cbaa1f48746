package dev.planetary.kernel.policy;

import dev.planetary.kernel.identity.PersonCommand;
import dev.planetary.kernel.identity.PlanetaryRight;

import java.util.Set;

/** Row-policy templates people saved, and where claims are used, over the buses. */
public final class PolicyTemplateMessages {

    private PolicyTemplateMessages() {
    }

    /** Answered with the saved templates, by name. */
    public record FindSavedTemplatesQuery() {
    }

    /** Saves a new template; a name already taken is refused (a SpecViolation on {@code name}). */
    public record SaveTemplateCommand(SavedPolicyTemplate template, String by) implements PersonCommand {

        @Override
        public String person() {
            return by;
        }

        @Override
        public Set<PlanetaryRight> rights() {
            return Set.of(PlanetaryRight.REQUESTER);
        }
    }

    /** Answered with every {@link ClaimUse}: which policies, functions and views read which claim. */
    public record FindClaimUsesQuery() {
    }
}
