package dev.planetary.kernel.registration;

import dev.planetary.kernel.target.TargetId;

import java.time.Instant;

/** What happened to a target's registration: each a decision worth keeping. */
public final class RegistrationEvents {

    private RegistrationEvents() {
    }

    public record TargetRegistrationRequestedEvent(TargetId target, TargetSettings settings, String requestedBy,
                                                   Instant at) {
    }

    /** The connection is to be tested (again): {@code attempt} counts from 1 for each registration. */
    public record TargetConnectionTestRequestedEvent(TargetId target, int attempt, TargetSettings settings,
                                                     String requestedBy, Instant at) {
    }

    public record TargetConnectionTestedEvent(TargetId target, int attempt, ConnectionTest test, Instant at) {
    }

    /** The target is in use from now on, with these settings. */
    public record TargetRegisteredEvent(TargetId target, TargetSettings settings, String requestedBy, String approvedBy,
                                        String comment, Instant at) {
    }

    public record TargetRegistrationRejectedEvent(TargetId target, String rejectedBy, String reason, Instant at) {
    }

    public record TargetDisabledEvent(TargetId target, String disabledBy, String reason, Instant at) {
    }
}
