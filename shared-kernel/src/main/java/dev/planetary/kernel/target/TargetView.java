package dev.planetary.kernel.target;

/**
 * A target as people see it: its name, environment and colour (null: the environment's), whether
 * people sign in with it ({@code home}), its last health check, the changes still open on it
 * (proposed, approved, applying or stopped by drift) and the DDL run on it outside Planetary in
 * the last seven days; {@code registered}: it was registered at run time (and may be disabled),
 * rather than named in configuration.
 */
public record TargetView(TargetId id, String name, String environment, String colour, boolean home, TargetHealth health,
                         long openChanges, long recentDrift, boolean registered) {
}
