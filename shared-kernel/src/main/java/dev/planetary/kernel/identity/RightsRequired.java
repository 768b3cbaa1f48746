package dev.planetary.kernel.identity;

import java.util.Set;

/**
 * A message only people holding a right may send: the command and query buses check it for whoever
 * sends it, so a screen that hides a button or a page is never the only check.
 */
public interface RightsRequired {

    /** The rights any one of which allows the message; empty when being signed in is enough. */
    Set<PlanetaryRight> rights();
}
