package dev.planetary.kernel.change;

/** What the aggregate answers when the executor asks to start applying a change. */
public enum ApplyStart {
    /** The change was approved and is now applying: run the plan. */
    START,
    /** The change was already applying (a restart or a redelivered command): run it again, guarded by the ledger. */
    RESUME,
    /** The change already has an outcome: do nothing. */
    DONE,
    /** The change is approved but waits for an operator to roll it out: do nothing now. */
    WAIT
}
