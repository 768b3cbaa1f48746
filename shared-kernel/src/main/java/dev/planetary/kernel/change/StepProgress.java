package dev.planetary.kernel.change;

/**
 * How far a long step has come, as PostgreSQL's progress view reports it: the phase
 * ("building index: scanning table") and work done out of total (blocks or tuples; total 0 when unknown).
 */
public record StepProgress(String phase, long done, long total) {

    /** Whole percent done, or -1 when the total is unknown. */
    public int percent() {
        return total <= 0 ? -1 : (int) Math.min(100, done * 100 / total);
    }
}
