package dev.planetary.command.target;

import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.plan.SettingCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;

/**
 * Puts an ALTER SYSTEM in force and says whether it is: {@code pg_reload_conf()} on the apply's session,
 * then, in new sessions, waits until the server has reloaded ({@code pg_conf_load_time()} moved on: a new
 * session inherits the postmaster's) and reads the parameter in {@code pg_settings}. The value set is in
 * force, or the parameter waits for a restart ({@code pending_restart}), or something wins over
 * postgresql.auto.conf (a {@code -c} on the server's command line): then the step failed, in words.
 */
final class SettingInForce {

    /** A reload reaches new sessions within milliseconds; a server that has not reloaded in this long will not. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Sources that set a value per session, over the server's: a login's role or database default. */
    private static final Set<String> SESSION_DEFAULTS = Set.of("user", "database", "database user");

    /** What the step did: a note for the change's timeline, or an error when the value is not in force. */
    record Outcome(SqlError error, String note) {
    }

    private SettingInForce() {
    }

    static Outcome reloadAndCheck(Connection apply, DdlDatabase database, SettingCheck check, int index) throws SQLException {
        Timestamp loadedBefore;
        try (java.sql.Statement reload = apply.createStatement()) {
            try (ResultSet time = reload.executeQuery("SELECT pg_catalog.pg_conf_load_time()")) {
                time.next();
                loadedBefore = time.getTimestamp(1);
            }
            reload.execute("SELECT pg_catalog.pg_reload_conf()");
        }
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Reading reading = read(database, check.parameter(), loadedBefore);
            if (reading != null) {
                return judge(check, reading, index);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Outcome(new SqlError("55000", "postgresql.auto.conf holds the new line, but the server did not reload its"
                + " configuration within " + RELOAD_WAIT.toSeconds() + " s", null,
                "look at the server's log; SELECT pg_reload_conf() as a superuser puts it in force", 0, index), null);
    }

    /** The parameter as a new session sees it, or null while that session still has the configuration of before the reload. */
    private static Reading read(DdlDatabase database, String parameter, Timestamp loadedBefore) throws SQLException {
        try (Connection session = database.newSession();
             PreparedStatement query = session.prepareStatement("""
                     SELECT pg_catalog.pg_conf_load_time() > ? AS reloaded, setting, unit, source, pending_restart
                     FROM pg_catalog.pg_settings WHERE name = ?""")) {
            query.setTimestamp(1, loadedBefore);
            query.setString(2, parameter);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new Reading(null, null, "unknown", false); // an extension's parameter whose library is not loaded
                }
                if (!row.getBoolean("reloaded")) {
                    return null;
                }
                return new Reading(row.getString("setting"), row.getString("unit"), row.getString("source"),
                        row.getBoolean("pending_restart"));
            }
        }
    }

    private static Outcome judge(SettingCheck check, Reading now, int index) {
        String name = check.parameter();
        if (now.pendingRestart()) {
            return new Outcome(null, name + " waits for a restart of the server: postgresql.auto.conf holds the new value,"
                    + " and until the restart the server keeps running with " + now.display());
        }
        if (check.holds(now.setting())) {
            return new Outcome(null, check.expected() == null
                    ? name + " is back to " + now.display() + " (from " + now.source() + "), checked in a new session after the reload"
                    : name + " is " + now.display() + " in new sessions, checked after the reload");
        }
        if (SESSION_DEFAULTS.contains(now.source())) {
            return new Outcome(null, "the server reloaded; Planetary's own login has " + name + " = " + now.display()
                    + " from its " + now.source() + " default, which wins over the server's value, so the new value could not be read back");
        }
        String why = "command line".equals(now.source())
                ? "the server's command line sets it (-c " + name + "=...), which wins over postgresql.auto.conf"
                : "it comes from " + now.source() + ", which wins over postgresql.auto.conf";
        return new Outcome(new SqlError("55000", "after the reload " + name + " is still " + now.display() + ": " + why, null,
                "change it where it is set, or reset this change with its inverse", 0, index), null);
    }

    private record Reading(String setting, String unit, String source, boolean pendingRestart) {

        String display() {
            return unit == null || setting == null ? String.valueOf(setting) : setting + " " + unit;
        }
    }
}
