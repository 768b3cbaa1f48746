package dev.planetary.kernel.identity;

import java.util.Set;

/** A person's profile over the buses: read it, or save one's own. */
public final class ProfileMessages {

    private ProfileMessages() {
    }

    /** Answered with an optional {@link Profile}. */
    public record FindProfileQuery(String login) {
    }

    /** Saves a person's own profile: nobody saves another's. */
    public record SaveProfileCommand(Profile profile) implements PersonCommand {

        @Override
        public String person() {
            return profile.login();
        }

        @Override
        public Set<PlanetaryRight> rights() {
            return Set.of();
        }
    }
}
