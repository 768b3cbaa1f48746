package dev.planetary.kernel.identity;

/** A person's profile over the buses: read it, or save one's own. */
public final class ProfileMessages {

    private ProfileMessages() {
    }

    /** Answered with an optional {@link Profile}. */
    @RequiresRight(signedIn = true)
    public record FindProfileQuery(String login) {
    }

    /** Saves a person's own profile: nobody saves another's. */
    @RequiresRight(signedIn = true)
    public record SaveProfileCommand(@ActsFor String login, String displayName, String email) {
    }
}
