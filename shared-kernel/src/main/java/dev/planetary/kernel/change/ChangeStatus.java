package dev.planetary.kernel.change;

/** Where a change is in its life. */
public enum ChangeStatus {
    /** Waiting for reviews (and for its dry-run). */
    PROPOSED,
    APPROVED,
    APPLYING,
    APPLIED,
    FAILED,
    /** Its objects were changed outside Planetary after its dry-run: nothing ran; it needs a revision. */
    DRIFTED,
    REJECTED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == APPLIED || this == FAILED || this == REJECTED || this == WITHDRAWN;
    }
}
