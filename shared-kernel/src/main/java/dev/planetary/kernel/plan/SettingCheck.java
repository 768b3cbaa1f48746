package dev.planetary.kernel.plan;

import dev.planetary.kernel.config.ParameterValue;

import java.util.Objects;

/**
 * What an ALTER SYSTEM step puts in force: after {@code pg_reload_conf()} the executor waits, in a new
 * session, until the server has reloaded, then reads {@code pg_settings}: {@code expected} (as
 * pg_settings shows it; null for a RESET, which has no value to compare) is in force, or the parameter
 * is marked {@code pending_restart}. {@code type} says how values compare ({@link ParameterValue#holds}).
 */
public record SettingCheck(String parameter, String type, String expected) {

    public SettingCheck {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(type, "type");
    }

    /** Whether {@code setting}, read after the reload, is what the step set (a RESET takes what the server has). */
    public boolean holds(String setting) {
        return expected == null || ParameterValue.holds(type, expected, setting);
    }
}
