package dev.planetary.command.registration;

import dev.planetary.command.target.DdlTargetProperties;
import dev.planetary.command.target.DdlTargets;
import dev.planetary.kernel.change.ChangeRuleViolation.Code;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.registration.ConnectionTest.Check;
import dev.planetary.kernel.registration.ConnectionTest.Outcome;
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
import dev.planetary.kernel.registration.TargetSettings;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A target's registration is asked for, tested, reviewed by someone else, and may be disabled and asked for again. */
class TargetRegistrationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final TargetId EU = TargetId.of("eu-1");
    private static final TargetSettings SETTINGS = new TargetSettings("EU one", "prod", "jdbc:postgresql://eu-1.example/app",
            "eu-meta", "eu-ddl", null);
    private static final ConnectionTest PASSED = new ConnectionTest(List.of(new Check("Metadata login connects", Outcome.PASSED,
            "as eu_meta"), new Check("People's rights can be read there", Outcome.WARNING, "missing roles")), "15.8", "app", 12);
    private static final ConnectionTest FAILED = new ConnectionTest(List.of(new Check("The metadata login reads no rows",
            Outcome.FAILED, "it is a superuser")), "15.8", "app", 9);

    private AggregateTestFixture<TargetRegistration> fixture;
    private DdlTargets targets;

    @BeforeEach
    void setUp() {
        targets = new DdlTargets(Map.of(TargetId.DEFAULT, new DdlTargetProperties("jdbc:postgresql://127.0.0.1:1/none",
                new DdlTargetProperties.Credentials("ddl", "unused"), null, null)), null);
        fixture = new AggregateTestFixture<>(TargetRegistration.class);
        fixture.registerInjectableResource(targets);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closePools() {
        targets.close();
    }

    private static Object[] requested() {
        return new Object[]{new TargetRegistrationRequestedEvent(EU, SETTINGS, "bob", NOW),
                new TargetConnectionTestRequestedEvent(EU, 1, SETTINGS, "bob", NOW)};
    }

    @Test
    void an_operator_asks_and_the_connection_is_to_be_tested() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTargetCommand(EU, SETTINGS, "bob"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested());
    }

    @Test
    void settings_that_carry_a_secret_are_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTargetCommand(EU, new TargetSettings(null, "prod", "jdbc:postgresql://h/app?password=x",
                        "eu-meta", "eu-ddl", null), "bob"))
                .expectNoEvents()
                .expectException(ChangeRuleViolation.class)
                .expectExceptionMessage("the URL must not carry a login or a secret: name credentials in metadataLogin and ddlLogin");
    }

    @Test
    void a_configured_target_cannot_be_registered_over() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTargetCommand(TargetId.DEFAULT, SETTINGS, "bob"))
                .expectNoEvents()
                .expectException(violation(Code.NAME_TAKEN));
    }

    @Test
    void a_target_waiting_for_review_cannot_be_asked_for_twice() {
        fixture.given(requested())
                .when(new RegisterTargetCommand(EU, SETTINGS, "dave"))
                .expectNoEvents()
                .expectException(violation(Code.NAME_TAKEN));
    }

    @Test
    void it_cannot_be_approved_before_its_connection_test_has_passed() {
        fixture.given(requested())
                .when(new ApproveTargetRegistrationCommand(EU, "carol", null))
                .expectNoEvents()
                .expectException(violation(Code.CONNECTION_TEST_NOT_PASSED));
        fixture.given(requested()).andGiven(new TargetConnectionTestedEvent(EU, 1, FAILED, NOW))
                .when(new ApproveTargetRegistrationCommand(EU, "carol", null))
                .expectNoEvents()
                .expectException(violation(Code.CONNECTION_TEST_NOT_PASSED));
    }

    @Test
    void the_operator_who_asked_cannot_approve_it() {
        fixture.given(requested()).andGiven(new TargetConnectionTestedEvent(EU, 1, PASSED, NOW))
                .when(new ApproveTargetRegistrationCommand(EU, "bob", null))
                .expectNoEvents()
                .expectException(violation(Code.SELF_REVIEW));
    }

    @Test
    void someone_else_approves_a_passed_test_and_the_target_is_registered() {
        fixture.given(requested()).andGiven(new TargetConnectionTestedEvent(EU, 1, PASSED, NOW))
                .when(new ApproveTargetRegistrationCommand(EU, "carol", "checked with the EU team"))
                .expectEvents(new TargetRegisteredEvent(EU, SETTINGS, "bob", "carol", "checked with the EU team", NOW));
    }

    @Test
    void a_failed_test_is_run_again_on_request_and_an_older_outcome_is_ignored() {
        fixture.given(requested()).andGiven(new TargetConnectionTestedEvent(EU, 1, FAILED, NOW))
                .when(new TestTargetConnectionCommand(EU, "bob"))
                .expectEvents(new TargetConnectionTestRequestedEvent(EU, 2, SETTINGS, "bob", NOW));
        fixture.given(requested()).andGiven(new TargetConnectionTestRequestedEvent(EU, 2, SETTINGS, "bob", NOW))
                .when(new RecordConnectionTestCommand(EU, 1, FAILED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_rejection_needs_a_reason() {
        fixture.given(requested())
                .when(new RejectTargetRegistrationCommand(EU, "carol", " "))
                .expectNoEvents()
                .expectException(violation(Code.INVALID));
        fixture.given(requested())
                .when(new RejectTargetRegistrationCommand(EU, "carol", "wrong host"))
                .expectEvents(new TargetRegistrationRejectedEvent(EU, "carol", "wrong host", NOW));
    }

    @Test
    void a_registered_target_is_disabled_and_may_then_be_asked_for_again() {
        Object registered = new TargetRegisteredEvent(EU, SETTINGS, "bob", "carol", null, NOW);
        fixture.given(requested()).andGiven(new TargetConnectionTestedEvent(EU, 1, PASSED, NOW), registered)
                .when(new DisableTargetCommand(EU, "bob", "decommissioned"))
                .expectEvents(new TargetDisabledEvent(EU, "bob", "decommissioned", NOW));
        fixture.given(requested()).andGiven(new TargetConnectionTestedEvent(EU, 1, PASSED, NOW), registered,
                        new TargetDisabledEvent(EU, "bob", "decommissioned", NOW))
                .when(new RegisterTargetCommand(EU, SETTINGS, "bob"))
                .expectEvents(new TargetRegistrationRequestedEvent(EU, SETTINGS, "bob", NOW),
                        new TargetConnectionTestRequestedEvent(EU, 2, SETTINGS, "bob", NOW));
    }

    @Test
    void only_a_registered_target_can_be_disabled() {
        fixture.given(requested())
                .when(new DisableTargetCommand(EU, "bob", "not needed"))
                .expectNoEvents()
                .expectException(violation(Code.WRONG_STATE));
    }

    private static org.hamcrest.Matcher<ChangeRuleViolation> violation(Code code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ChangeRuleViolation e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a violation coded " + code);
            }
        };
    }

    @Test
    void the_connection_test_passes_only_without_a_failed_check() {
        assertThat(PASSED.passed()).isTrue();
        assertThat(FAILED.passed()).isFalse();
    }
}
