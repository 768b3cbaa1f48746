package dev.planetary.kernel.config;

import java.util.List;
import java.util.Objects;

/**
 * One server parameter as {@code pg_settings} shows it to Planetary's metadata login: its value in
 * force (with its unit), where that value comes from ({@code source}: default, configuration file,
 * command line, database, user, ...), what changing it takes ({@code context}), its type and range,
 * and whether a changed value waits for a restart.
 */
public record ConfigParameter(String name, String setting, String unit, String category, String description, String details,
                              String context, String type, String source, String sourceFile, Integer sourceLine,
                              String min, String max, List<String> enumValues, String bootValue, String resetValue,
                              boolean pendingRestart) {

    private static final java.util.Set<String> OWN_SESSION = java.util.Set.of("client", "session");

    public ConfigParameter {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    /** What it takes for a new value to be in force, in words. */
    public String takes() {
        return switch (context) {
            case "postmaster" -> "a restart";
            case "sighup" -> "a reload";
            case "internal" -> "nothing: fixed when the server was built or initialised";
            case "backend", "superuser-backend" -> "a new session";
            case "superuser" -> "a superuser's SET, or a reload";
            default -> "a SET in the session, or a reload";
        };
    }

    /**
     * Whether the server runs with another value than the built-in default (set in a file, on the command
     * line, for a database or a role). Values Planetary's own session set ({@code client}: its connection's
     * options and driver; {@code session}: its statement timeouts) say nothing about the server: not counted.
     */
    public boolean changedFromDefault() {
        return !OWN_SESSION.contains(source) && !"default".equals(source) && !"override".equals(source)
                && !Objects.equals(setting, bootValue);
    }

    /** The value was set by Planetary's own monitoring session, not by the server's configuration. */
    public boolean setByPlanetarysSession() {
        return OWN_SESSION.contains(source);
    }

    /** The value with its unit, as people write it ({@code 4096 kB}, {@code on}, {@code 'pg_catalog, public'}). */
    public String display() {
        return unit == null || setting == null ? setting : setting + " " + unit;
    }
}
