package dev.planetary.ui.security;

import dev.planetary.kernel.identity.PlanetaryRight;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Set;

/** Who is signed in to this UI, and with which Planetary rights (what the views show; the server checks again). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String login() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    public static Set<PlanetaryRight> rights() {
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
