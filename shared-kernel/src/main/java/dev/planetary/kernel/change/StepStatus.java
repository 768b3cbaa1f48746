package dev.planetary.kernel.change;

/** What happened to one step of a plan while it was applied. */
public enum StepStatus {
    STARTED,
    /** Progress from a pg_stat_progress_* view while it runs. */
    PROGRESSED,
    FINISHED,
    /** Found finished when the apply resumed after a restart: not run again. */
    SKIPPED,
    FAILED,
    /** What a failed or interrupted run left behind (an INVALID index) was dropped. */
    CLEANED_UP
}
