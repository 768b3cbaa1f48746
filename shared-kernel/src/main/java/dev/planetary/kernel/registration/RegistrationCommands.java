package dev.planetary.kernel.registration;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registering a target database is a change to Planetary's own configuration, reviewed like any
 * other: an operator asks, Planetary tests the connection, another person approves. The rights are
 * those on the home target ({@link RequiresRight#onHome()}): the target is not in use yet.
 */
public final class RegistrationCommands {

    private RegistrationCommands() {
    }

    /** An operator asks for a target to be registered (again, after it was refused or disabled). */
    @RequiresRight(value = PlanetaryRight.OPERATOR, onHome = true)
    public record RegisterTargetCommand(@TargetAggregateIdentifier TargetId target, TargetSettings settings,
                                        @ActsFor String operator) {
    }

    /** An operator asks for the connection to be tested again (a credential was configured since, say). */
    @RequiresRight(value = PlanetaryRight.OPERATOR, onHome = true)
    public record TestTargetConnectionCommand(@TargetAggregateIdentifier TargetId target, @ActsFor String operator) {
    }

    /** Planetary records what it found when it connected (the test of {@code attempt}). */
    public record RecordConnectionTestCommand(@TargetAggregateIdentifier TargetId target, int attempt, ConnectionTest test) {
    }

    /** A reviewer or operator other than the one who asked accepts the target: it is in use from then on. */
    @RequiresRight(value = {PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR}, onHome = true)
    public record ApproveTargetRegistrationCommand(@TargetAggregateIdentifier TargetId target, @ActsFor String reviewer,
                                                   String comment) {
    }

    @RequiresRight(value = {PlanetaryRight.REVIEWER, PlanetaryRight.OPERATOR}, onHome = true)
    public record RejectTargetRegistrationCommand(@TargetAggregateIdentifier TargetId target, @ActsFor String reviewer,
                                                  String reason) {
    }

    /**
     * An operator takes a registered target out of use: its pools close, and it is no longer offered.
     * Its changes and history stay.
     */
    @RequiresRight(value = PlanetaryRight.OPERATOR, onHome = true)
    public record DisableTargetCommand(@TargetAggregateIdentifier TargetId target, @ActsFor String operator, String reason) {
    }
}
