package dev.planetary.command.api;

import dev.planetary.kernel.spec.ChangeSpec;

/** Request bodies of the command endpoints. */
public final class ChangeRequests {

    private ChangeRequests() {
    }

    public record Proposal(String title, ChangeSpec spec) {
    }

    public record Review(String comment) {
    }

    public record Rejection(String reason) {
    }

    public record Withdrawal(String reason) {
    }
}
