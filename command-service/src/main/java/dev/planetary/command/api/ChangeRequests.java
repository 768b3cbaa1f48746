package dev.planetary.command.api;

import dev.planetary.kernel.spec.ChangeSpec;

/** Request bodies of the command endpoints. */
public final class ChangeRequests {

    private ChangeRequests() {
    }

    /** {@code target}: the target database to change (the default target when none is named; a revision keeps its change's). */
    public record Proposal(String target, String title, ChangeSpec spec) {
    }

    /** {@code revision}: the one the reviewer read (refused if the change was revised since); optional. */
    public record Review(String comment, Integer revision) {
    }

    /** {@code target}: where to propose the applied change again. */
    public record Promotion(String target) {
    }

    /** {@code like}: the reference target; {@code target}: the one to change; {@code objects}: as the comparison names them. */
    public record Alike(String like, String target, java.util.List<String> objects) {
    }

    /** {@code changes}: applied changes' ids, promoted in the order they were applied; {@code target}: where. */
    public record BatchPromotion(java.util.List<String> changes, String target) {
    }

    public record Rejection(String reason) {
    }

    public record Withdrawal(String reason) {
    }
}
