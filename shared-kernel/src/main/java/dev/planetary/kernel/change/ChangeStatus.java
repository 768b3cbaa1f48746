package dev.planetary.kernel.change;

/** Where a change is in its life. */
public enum ChangeStatus {
    /** Waiting for reviews (and for its dry-run). */
    PROPOSED,
    APPROVED,
    APPLYING,
    APPLIED,
    FAILED,
    REJECTED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == APPLIED || this == FAILED || this == REJECTED || this == WITHDRAWN;
    }
}
