package dev.planetary.kernel.change;

/** The result of running a plan in a transaction that was rolled back. {@code error} is null when it passed. */
public record DryRunOutcome(boolean passed, SqlError error, long durationMillis) {

    public static DryRunOutcome passed(long durationMillis) {
        return new DryRunOutcome(true, null, durationMillis);
    }

    public static DryRunOutcome failed(SqlError error, long durationMillis) {
        return new DryRunOutcome(false, error, durationMillis);
    }
}
