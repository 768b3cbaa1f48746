package dev.planetary.command.registration;

import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeRuleViolation.Code;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.registration.ConnectionTest;
import dev.planetary.kernel.registration.RegistrationCommands.ApproveTargetRegistrationCommand;
import dev.planetary.kernel.registration.RegistrationCommands.DisableTargetCommand;
import dev.planetary.kernel.registration.RegistrationCommands.RecordConnectionTestCommand;
import dev.planetary.kernel.registration.RegistrationCommands.RegisterTargetCommand;
import dev.planetary.kernel.registration.RegistrationCommands.RejectTargetRegistrationCommand;
import dev.planetary.kernel.registration.RegistrationCommands.TestTargetConnectionCommand;
import dev.planetary.kernel.registration.RegistrationEvents.TargetConnectionTestRequestedEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetConnectionTestedEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetDisabledEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegisteredEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegistrationRejectedEvent;
import dev.planetary.kernel.registration.RegistrationEvents.TargetRegistrationRequestedEvent;
import dev.planetary.kernel.registration.RegistrationStatus;
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A target database's registration, a reviewed change to Planetary's own configuration:
 * REQUESTED (its connection tested, as often as asked) → REGISTERED, or REJECTED; a registered
 * target may be DISABLED. A rejected or disabled target may be registered again, tested and
 * reviewed afresh. Targets named in configuration are not registered here: their name is taken.
 */
@Aggregate
public class TargetRegistration {

    @AggregateIdentifier
    private TargetId target;
    private RegistrationStatus status;
    private TargetSettings settings;
    private String requestedBy;
    private int attempt;
    /** The outcome of the current attempt; null while it runs. */
    private ConnectionTest test;

    protected TargetRegistration() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterTargetCommand command, DdlTargets targets, Clock clock) {
        requireText(command.operator(), "operator");
        if (command.target() == null) {
            throw new ChangeRuleViolation(Code.INVALID, "name the target", "target");
        }
        if (targets.isConfigured(command.target())) {
            throw new ChangeRuleViolation(Code.NAME_TAKEN, "a target named " + command.target()
                    + " is already configured (planetary.targets." + command.target() + ")", "target");
        }
        if (status == RegistrationStatus.REQUESTED || status == RegistrationStatus.REGISTERED) {
            throw new ChangeRuleViolation(Code.NAME_TAKEN, "a target named " + command.target() + " is already "
                    + (status == RegistrationStatus.REGISTERED ? "registered" : "waiting for review"), "target");
        }
        if (command.settings() == null) {
            throw new ChangeRuleViolation(Code.INVALID, "the target's settings are required", "settings");
        }
        command.settings().check();
        TargetSettings kept = command.settings().normalised();
        apply(new TargetRegistrationRequestedEvent(command.target(), kept, command.operator(), clock.instant()));
        apply(new TargetConnectionTestRequestedEvent(command.target(), attempt + 1, kept, command.operator(), clock.instant()));
    }

    @CommandHandler
    public void handle(TestTargetConnectionCommand command, Clock clock) {
        requireStatus(RegistrationStatus.REQUESTED, "tested again");
        apply(new TargetConnectionTestRequestedEvent(target, attempt + 1, settings, command.operator(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordConnectionTestCommand command, Clock clock) {
        if (command.attempt() != attempt || status != RegistrationStatus.REQUESTED || test != null) {
            return; // an older attempt's outcome, or a repeat
        }
        apply(new TargetConnectionTestedEvent(target, attempt, command.test(), clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveTargetRegistrationCommand command, Clock clock) {
        requireText(command.reviewer(), "reviewer");
        requireStatus(RegistrationStatus.REQUESTED, "approved");
        if (command.reviewer().equals(requestedBy)) {
            throw new ChangeRuleViolation(Code.SELF_REVIEW, "you cannot approve a target you asked to register");
        }
        if (test == null || !test.passed()) {
            throw new ChangeRuleViolation(Code.CONNECTION_TEST_NOT_PASSED, test == null
                    ? "the connection test has not finished yet"
                    : "the connection test failed: fix what it found and test again before approving");
        }
        apply(new TargetRegisteredEvent(target, settings, requestedBy, command.reviewer(), command.comment(), clock.instant()));
    }

    /** A reviewer refuses the target; the operator who asked may withdraw it the same way. */
    @CommandHandler
    public void handle(RejectTargetRegistrationCommand command, Clock clock) {
        requireText(command.reviewer(), "reviewer");
        requireStatus(RegistrationStatus.REQUESTED, "rejected");
        requireText(command.reason(), "reason");
        apply(new TargetRegistrationRejectedEvent(target, command.reviewer(), command.reason().strip(), clock.instant()));
    }

    @CommandHandler
    public void handle(DisableTargetCommand command, Clock clock) {
        requireText(command.operator(), "operator");
        requireStatus(RegistrationStatus.REGISTERED, "disabled");
        requireText(command.reason(), "reason");
        apply(new TargetDisabledEvent(target, command.operator(), command.reason().strip(), clock.instant()));
    }

    @EventSourcingHandler
    void on(TargetRegistrationRequestedEvent event) {
        target = event.target();
        status = RegistrationStatus.REQUESTED;
        settings = event.settings();
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(TargetConnectionTestRequestedEvent event) {
        attempt = event.attempt();
        test = null;
    }

    @EventSourcingHandler
    void on(TargetConnectionTestedEvent event) {
        test = event.test();
    }

    @EventSourcingHandler
    void on(TargetRegisteredEvent event) {
        status = RegistrationStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(TargetRegistrationRejectedEvent event) {
        status = RegistrationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(TargetDisabledEvent event) {
        status = RegistrationStatus.DISABLED;
    }

    private void requireStatus(RegistrationStatus expected, String what) {
        if (status != expected) {
            throw new ChangeRuleViolation(Code.WRONG_STATE, "this target's registration is " + status + " and cannot be " + what);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ChangeRuleViolation(Code.INVALID, field + " is required", field);
        }
    }
}
