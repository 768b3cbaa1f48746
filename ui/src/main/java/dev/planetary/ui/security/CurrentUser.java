package dev.planetary.ui.security;

import dev.planetary.kernel.identity.PlanetaryRight;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is signed in to this UI, and with which Planetary rights on the target the session works on
 * (what the views show; the server checks again): those read at sign-in on the home target, or those
 * read on another target when the session works there.
 */
public final class CurrentUser {

    private static final String TARGET_RIGHTS = CurrentUser.class.getName() + ".targetRights";

    private CurrentUser() {
    }

    /** The rights on the session's target, when it is not the home target (null: the sign-in rights count). */
    public static void useTargetRights(Set<PlanetaryRight> rights) {
        com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(TARGET_RIGHTS, rights == null ? null : Set.copyOf(rights));
    }

    public static String login() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    @SuppressWarnings("unchecked")
    public static Set<PlanetaryRight> rights() {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getAttribute(TARGET_RIGHTS) instanceof Set<?> onTarget) {
            return (Set<PlanetaryRight>) onTarget;
        }
        return signInRights();
    }

    /**
     * The rights read at sign-in, on the home target, whichever target the session works on: they
     * count for Planetary's own configuration (registering targets).
     */
    public static Set<PlanetaryRight> signInRights() {
        Set<PlanetaryRight> rights = EnumSet.noneOf(PlanetaryRight.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                for (PlanetaryRight right : PlanetaryRight.values()) {
                    if (right.authority().equals(authority.getAuthority())) {
                        rights.add(right);
                    }
                }
            }
        }
        return rights;
    }

    public static boolean has(PlanetaryRight right) {
        return rights().contains(right);
    }
}
