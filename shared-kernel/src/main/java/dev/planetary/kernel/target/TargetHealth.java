package dev.planetary.kernel.target;

import java.time.Instant;

/**
 * How a target answered its last health check: {@code latencyMillis} to open a connection and
 * read the server's version (null when it did not answer), or why it could not be reached.
 * {@code checkedAt} is null before the first check.
 */
public record TargetHealth(Status status, Long latencyMillis, String serverVersion, String problem, Instant checkedAt) {

    public enum Status { UP, UNREACHABLE, UNKNOWN }

    public static TargetHealth unknown() {
        return new TargetHealth(Status.UNKNOWN, null, null, null, null);
    }

    public boolean up() {
        return status == Status.UP;
    }
}
