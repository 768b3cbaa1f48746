package dev.planetary.command.change;

import dev.planetary.kernel.change.ApplyStart;
import dev.planetary.kernel.change.ApplyTicket;
import dev.planetary.kernel.change.Baseline;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.ChangeRuleViolation.Code;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.change.DryRunOutcome;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.change.StepStatus;
import dev.planetary.kernel.change.command.ApproveChangeCommand;
import dev.planetary.kernel.change.command.BeginApplyCommand;
import dev.planetary.kernel.change.command.ProposeChangeCommand;
import dev.planetary.kernel.change.command.RecordApplyOutcomeCommand;
import dev.planetary.kernel.change.command.RecordDryRunCommand;
import dev.planetary.kernel.change.command.RecordStepCommand;
import dev.planetary.kernel.change.command.RejectChangeCommand;
import dev.planetary.kernel.change.command.ReviseChangeCommand;
import dev.planetary.kernel.change.command.RollOutChangeCommand;
import dev.planetary.kernel.change.command.WithdrawChangeCommand;
import dev.planetary.kernel.change.event.ApprovalGivenEvent;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeApplyStartedEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeDriftedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRebasedEvent;
import dev.planetary.kernel.change.event.ChangeRejectedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.change.event.ChangeRolledOutEvent;
import dev.planetary.kernel.change.event.ChangeStepRecordedEvent;
import dev.planetary.kernel.change.event.ChangeWithdrawnEvent;
import dev.planetary.kernel.change.event.DryRunCompletedEvent;
import dev.planetary.kernel.request.RequestKey;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class ChangeRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final ChangeId ID = ChangeId.of("c-1");
    private static final ChangeSpec GRANT = new TablePrivilegeSpec(PrivilegeAction.GRANT, List.of(TablePrivilege.SELECT),
            QualifiedName.of("app", "invoice"), null, Grantee.of("karen"), false);
    private static final ChangeSpec REVOKE = new TablePrivilegeSpec(PrivilegeAction.REVOKE, List.of(TablePrivilege.SELECT),
            QualifiedName.of("app", "invoice"), null, Grantee.of("karen"), false);
    private static final DryRunOutcome PASSED = DryRunOutcome.passed(3);
    private static final DryRunOutcome FAILED = DryRunOutcome.failed(SqlError.of("42P01", "relation does not exist"), 2);

    private AggregateTestFixture<ChangeRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChangeRequest.class);
        fixture.registerInjectableResource(ApprovalRules.everywhere(ApprovalPolicy.defaults()));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ChangeProposedEvent proposed(ChangeSpec spec) {
        return new ChangeProposedEvent(ID, TargetId.DEFAULT, spec.plan().summary(), spec, spec.plan(),
                spec.plan().risk() == dev.planetary.kernel.plan.RiskLevel.HIGH ? 2 : 1, "alice", NOW);
    }

    private static DryRunCompletedEvent dryRun(int revision, DryRunOutcome outcome) {
        return new DryRunCompletedEvent(ID, revision, outcome, NOW);
    }

    static Matcher<Exception> violation(Code code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Exception item) {
                return item instanceof ChangeRuleViolation v && v.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ChangeRuleViolation with code " + code);
            }
        };
    }

    @Nested
    class Proposing {

        @Test
        void a_low_risk_change_needs_one_approval_and_keeps_its_plan() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeChangeCommand(ID, TargetId.DEFAULT, null, GRANT, "alice"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ChangeProposedEvent(ID, TargetId.DEFAULT, "Grant SELECT on app.invoice to karen", GRANT, GRANT.plan(), 1, "alice", NOW));
        }

        @Test
        void a_high_risk_change_needs_two_approvals_and_a_given_title_is_kept() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeChangeCommand(ID, TargetId.DEFAULT, "  Karen leaves finance ", REVOKE, "alice"))
                    .expectEvents(new ChangeProposedEvent(ID, TargetId.DEFAULT, "Karen leaves finance", REVOKE, REVOKE.plan(), 2, "alice", NOW));
        }

        @Test
        void a_change_without_requester_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeChangeCommand(ID, TargetId.DEFAULT, null, GRANT, " "))
                    .expectException(violation(Code.INVALID))
                    .expectNoEvents();
        }

        @Test
        void a_change_without_spec_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeChangeCommand(ID, TargetId.DEFAULT, null, null, "alice"))
                    .expectException(violation(Code.INVALID))
                    .expectNoEvents();
        }
    }

    @Nested
    class DryRun {

        @Test
        void the_outcome_of_the_current_revision_is_recorded() {
            fixture.given(proposed(GRANT))
                    .when(new RecordDryRunCommand(ID, 1, PASSED))
                    .expectEvents(dryRun(1, PASSED));
        }

        @Test
        void an_outcome_for_an_older_revision_is_ignored() {
            fixture.given(proposed(GRANT), new ChangeRevisedEvent(ID, TargetId.DEFAULT, 2, "t", GRANT, GRANT.plan(), 1, "alice", NOW))
                    .when(new RecordDryRunCommand(ID, 1, PASSED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_second_outcome_for_the_same_revision_is_ignored() {
            fixture.given(proposed(GRANT), dryRun(1, FAILED))
                    .when(new RecordDryRunCommand(ID, 1, PASSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approving {

        @Test
        void an_approval_of_the_revision_the_reviewer_read_is_refused_once_the_change_was_revised() {
            fixture.given(proposed(GRANT), new ChangeRevisedEvent(ID, TargetId.DEFAULT, 2, "t", GRANT, GRANT.plan(), 1, "alice", NOW),
                            dryRun(2, PASSED))
                    .when(new ApproveChangeCommand(ID, "bob", "read revision 1", 1))
                    .expectException(violation(Code.WRONG_STATE))
                    .expectNoEvents();
        }

        @Test
        void an_approval_naming_the_current_revision_approves_it() {
            fixture.given(proposed(GRANT), new ChangeRevisedEvent(ID, TargetId.DEFAULT, 2, "t", GRANT, GRANT.plan(), 1, "alice", NOW),
                            dryRun(2, PASSED))
                    .when(new ApproveChangeCommand(ID, "bob", "read revision 2", 2))
                    .expectEvents(new ApprovalGivenEvent(ID, 2, "bob", "read revision 2", 1, 1, NOW),
                            new ChangeApprovedEvent(ID, 2, GRANT.plan(), NOW));
        }

        @Test
        void one_approval_approves_a_low_risk_change() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED))
                    .when(new ApproveChangeCommand(ID, "bob", "looks right"))
                    .expectEvents(new ApprovalGivenEvent(ID, 1, "bob", "looks right", 1, 1, NOW),
                            new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW));
        }

        @Test
        void a_high_risk_change_waits_for_a_second_reviewer() {
            fixture.given(proposed(REVOKE), dryRun(1, PASSED))
                    .when(new ApproveChangeCommand(ID, "bob", null))
                    .expectEvents(new ApprovalGivenEvent(ID, 1, "bob", null, 1, 2, NOW));
        }

        @Test
        void the_second_distinct_reviewer_approves_a_high_risk_change() {
            fixture.given(proposed(REVOKE), dryRun(1, PASSED), new ApprovalGivenEvent(ID, 1, "bob", null, 1, 2, NOW))
                    .when(new ApproveChangeCommand(ID, "carol", null))
                    .expectEvents(new ApprovalGivenEvent(ID, 1, "carol", null, 2, 2, NOW),
                            new ChangeApprovedEvent(ID, 1, REVOKE.plan(), NOW));
        }

        @Test
        void the_same_reviewer_cannot_approve_twice() {
            fixture.given(proposed(REVOKE), dryRun(1, PASSED), new ApprovalGivenEvent(ID, 1, "bob", null, 1, 2, NOW))
                    .when(new ApproveChangeCommand(ID, "bob", null))
                    .expectException(violation(Code.ALREADY_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void the_requester_cannot_approve_their_own_change() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED))
                    .when(new ApproveChangeCommand(ID, "alice", null))
                    .expectException(violation(Code.SELF_REVIEW))
                    .expectNoEvents();
        }

        @Test
        void a_change_whose_dry_run_failed_cannot_be_approved() {
            fixture.given(proposed(GRANT), dryRun(1, FAILED))
                    .when(new ApproveChangeCommand(ID, "bob", null))
                    .expectException(violation(Code.DRY_RUN_NOT_PASSED))
                    .expectNoEvents();
        }

        @Test
        void a_change_whose_dry_run_has_not_finished_cannot_be_approved() {
            fixture.given(proposed(GRANT))
                    .when(new ApproveChangeCommand(ID, "bob", null))
                    .expectException(violation(Code.DRY_RUN_NOT_PASSED));
        }

        @Test
        void a_rejected_change_cannot_be_approved() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ChangeRejectedEvent(ID, "carol", "no", NOW))
                    .when(new ApproveChangeCommand(ID, "bob", null))
                    .expectException(violation(Code.WRONG_STATE))
                    .expectNoEvents();
        }

        @Test
        void an_approved_change_cannot_be_approved_again() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ApprovalGivenEvent(ID, 1, "bob", null, 1, 1, NOW),
                            new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW))
                    .when(new ApproveChangeCommand(ID, "carol", null))
                    .expectException(violation(Code.WRONG_STATE));
        }
    }

    @Nested
    class Rejecting {

        @Test
        void a_reviewer_rejects_with_a_reason() {
            fixture.given(proposed(GRANT), dryRun(1, FAILED))
                    .when(new RejectChangeCommand(ID, "bob", " wrong table "))
                    .expectEvents(new ChangeRejectedEvent(ID, "bob", "wrong table", NOW));
        }

        @Test
        void a_rejection_needs_a_reason() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED))
                    .when(new RejectChangeCommand(ID, "bob", ""))
                    .expectException(violation(Code.INVALID))
                    .expectNoEvents();
        }

        @Test
        void the_requester_withdraws_rather_than_rejects() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED))
                    .when(new RejectChangeCommand(ID, "alice", "changed my mind"))
                    .expectException(violation(Code.SELF_REVIEW));
        }

        @Test
        void a_withdrawn_change_cannot_be_rejected() {
            fixture.given(proposed(GRANT), new ChangeWithdrawnEvent(ID, "alice", null, NOW))
                    .when(new RejectChangeCommand(ID, "bob", "late"))
                    .expectException(violation(Code.WRONG_STATE));
        }
    }

    @Nested
    class Revising {

        @Test
        void a_revision_voids_earlier_approvals() {
            fixture.given(proposed(REVOKE), dryRun(1, PASSED), new ApprovalGivenEvent(ID, 1, "bob", null, 1, 2, NOW),
                            new ChangeRevisedEvent(ID, TargetId.DEFAULT, 2, "t", REVOKE, REVOKE.plan(), 2, "alice", NOW), dryRun(2, PASSED))
                    .when(new ApproveChangeCommand(ID, "carol", null))
                    .expectEvents(new ApprovalGivenEvent(ID, 2, "carol", null, 1, 2, NOW));
        }

        @Test
        void the_requester_revises_and_gets_the_new_revision_number() {
            fixture.given(proposed(GRANT), dryRun(1, FAILED))
                    .when(new ReviseChangeCommand(ID, null, REVOKE, "alice"))
                    .expectResultMessagePayload(2)
                    .expectEvents(new ChangeRevisedEvent(ID, TargetId.DEFAULT, 2, REVOKE.plan().summary(), REVOKE, REVOKE.plan(), 2, "alice", NOW));
        }

        @Test
        void only_the_requester_may_revise() {
            fixture.given(proposed(GRANT))
                    .when(new ReviseChangeCommand(ID, null, REVOKE, "bob"))
                    .expectException(violation(Code.NOT_REQUESTER))
                    .expectNoEvents();
        }

        @Test
        void an_approved_change_cannot_be_revised() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ApprovalGivenEvent(ID, 1, "bob", null, 1, 1, NOW),
                            new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW))
                    .when(new ReviseChangeCommand(ID, null, REVOKE, "alice"))
                    .expectException(violation(Code.WRONG_STATE));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void the_requester_withdraws_a_proposed_change() {
            fixture.given(proposed(GRANT))
                    .when(new WithdrawChangeCommand(ID, "alice", "not needed"))
                    .expectEvents(new ChangeWithdrawnEvent(ID, "alice", "not needed", NOW));
        }

        @Test
        void nobody_else_may_withdraw() {
            fixture.given(proposed(GRANT))
                    .when(new WithdrawChangeCommand(ID, "bob", null))
                    .expectException(violation(Code.NOT_REQUESTER));
        }

        @Test
        void an_applied_change_cannot_be_withdrawn() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW),
                            new ChangeApplyStartedEvent(ID, NOW), new ChangeAppliedEvent(ID, 4, NOW))
                    .when(new WithdrawChangeCommand(ID, "alice", null))
                    .expectException(violation(Code.WRONG_STATE));
        }
    }

    @Nested
    class Applying {

        @Test
        void an_approved_change_starts_applying_once() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.START, TargetId.DEFAULT, 1, GRANT.plan()))
                    .expectEvents(new ChangeApplyStartedEvent(ID, NOW));
        }

        @Test
        void a_change_is_applied_on_the_target_it_was_proposed_on_and_revisions_keep_it() {
            TargetId staging = TargetId.of("staging");
            fixture.given(new ChangeProposedEvent(ID, staging, "t", GRANT, GRANT.plan(), 1, "alice", NOW),
                            new ChangeRevisedEvent(ID, staging, 2, "t", REVOKE, REVOKE.plan(), 1, "alice", NOW),
                            dryRun(2, PASSED), new ChangeApprovedEvent(ID, 2, REVOKE.plan(), NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.START, staging, 2, REVOKE.plan()));
        }

        @Test
        void a_revision_names_the_target_of_its_change() {
            TargetId staging = TargetId.of("staging");
            fixture.given(new ChangeProposedEvent(ID, staging, "t", GRANT, GRANT.plan(), 1, "alice", NOW))
                    .when(new ReviseChangeCommand(ID, "t", REVOKE, "alice"))
                    .expectEvents(new ChangeRevisedEvent(ID, staging, 2, "t", REVOKE, REVOKE.plan(), 2, "alice", NOW));
        }

        @Test
        void a_change_already_applying_is_resumed_without_a_new_event() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW),
                            new ChangeApplyStartedEvent(ID, NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.RESUME, TargetId.DEFAULT, 1, GRANT.plan()))
                    .expectNoEvents();
        }

        @Test
        void an_applied_change_is_not_applied_again() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW),
                            new ChangeApplyStartedEvent(ID, NOW), new ChangeAppliedEvent(ID, 4, NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.DONE, TargetId.DEFAULT, 1, GRANT.plan()))
                    .expectNoEvents();
        }

        @Test
        void a_change_that_is_not_approved_cannot_be_applied() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED))
                    .when(new BeginApplyCommand(ID))
                    .expectException(violation(Code.WRONG_STATE))
                    .expectNoEvents();
        }

        @Test
        void success_is_recorded() {
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW))
                    .when(new RecordApplyOutcomeCommand(ID, null, 12))
                    .expectEvents(new ChangeAppliedEvent(ID, 12, NOW));
        }

        @Test
        void failure_is_recorded_with_the_sqlstate() {
            SqlError lockTimeout = new SqlError("55P03", "canceling statement due to lock timeout", null, null, 0, 0);
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW))
                    .when(new RecordApplyOutcomeCommand(ID, lockTimeout, 500))
                    .expectEvents(new ChangeFailedEvent(ID, lockTimeout, NOW));
        }

        @Test
        void a_failure_of_a_stepped_plan_keeps_what_was_done_and_what_was_not() {
            SqlError duplicate = SqlError.of("23505", "could not create unique index");
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW))
                    .when(new RecordApplyOutcomeCommand(ID, duplicate, 500, "Done and kept: step 1; step 2 of 2 failed"))
                    .expectEvents(new ChangeFailedEvent(ID, duplicate, NOW, "Done and kept: step 1; step 2 of 2 failed"));
        }

        @Test
        void drift_stops_the_change_and_a_revision_sends_it_back_to_review() {
            DriftVerdict drift = new DriftVerdict(DriftVerdict.Kind.DRIFTED, List.of("definition of \"app\".\"t\": a → b"), List.of());
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW))
                    .when(new RecordApplyOutcomeCommand(ID, null, 5, null, drift))
                    .expectEvents(new ChangeDriftedEvent(ID, drift.differences(), NOW));
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW),
                            new ChangeDriftedEvent(ID, drift.differences(), NOW))
                    .when(new ReviseChangeCommand(ID, null, REVOKE, "alice"))
                    .expectSuccessfulHandlerExecution();
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW),
                            new ChangeDriftedEvent(ID, drift.differences(), NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.DONE, TargetId.DEFAULT, 1, GRANT.plan(), null))
                    .expectNoEvents();
        }

        @Test
        void a_change_rebased_on_planetarys_own_changes_records_why_then_its_outcome() {
            DriftVerdict rebased = new DriftVerdict(DriftVerdict.Kind.REBASED, List.of("privileges on \"app\".\"t\": a → b"),
                    List.of("c-0"));
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW))
                    .when(new RecordApplyOutcomeCommand(ID, null, 7, null, rebased))
                    .expectEvents(new ChangeRebasedEvent(ID, rebased.differences(), List.of("c-0"), NOW), new ChangeAppliedEvent(ID, 7, NOW));
        }

        @Test
        void the_ticket_carries_the_baseline_of_the_passed_dry_run() {
            Baseline baseline = new Baseline(4, java.util.Map.of("RELATION \"app\".\"t\"", "ab12"));
            fixture.given(proposed(GRANT), dryRun(1, PASSED.withBaseline(baseline)), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.START, TargetId.DEFAULT, 1, GRANT.plan(), baseline));
        }

        @Test
        void steps_are_recorded_while_the_change_applies() {
            StepProgress half = new StepProgress("building index: scanning table", 50, 100);
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW))
                    .when(new RecordStepCommand(ID, 1, StepStatus.PROGRESSED, "CREATE INDEX CONCURRENTLY ...", half, 0, null))
                    .expectEvents(new ChangeStepRecordedEvent(ID, 1, StepStatus.PROGRESSED, "CREATE INDEX CONCURRENTLY ...",
                            half, 0, null, NOW));
        }

        @Test
        void a_step_reported_after_the_outcome_is_ignored() {
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW),
                            new ChangeAppliedEvent(ID, 12, NOW))
                    .when(new RecordStepCommand(ID, 1, StepStatus.FINISHED, "late", null, 3, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_repeated_outcome_changes_nothing() {
            fixture.given(proposed(GRANT), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW), new ChangeApplyStartedEvent(ID, NOW),
                            new ChangeAppliedEvent(ID, 12, NOW))
                    .when(new RecordApplyOutcomeCommand(ID, null, 12))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    /** The production environment: two approvals for everything, and an operator rolls the change out. */
    @Nested
    class Environments {

        private final TargetId production = TargetId.of("production");

        @BeforeEach
        void productionRules() {
            fixture = new AggregateTestFixture<>(ChangeRequest.class);
            fixture.registerInjectableResource(new ApprovalRules(
                    java.util.Map.of("prod", new ApprovalPolicy(2, 2, ApprovalPolicy.Rollout.BY_OPERATOR)), ApprovalPolicy.defaults(),
                    target -> target.equals(production) ? "Prod" : "dev"));
            fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        }

        private ChangeProposedEvent onProduction(ChangeSpec spec) {
            return new ChangeProposedEvent(ID, production, "Prod", "t", spec, spec.plan(), 2, "alice", NOW); // rules match in any case
        }

        @Test
        void a_low_risk_change_on_production_needs_two_approvals_and_records_its_environment() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeChangeCommand(ID, production, "t", GRANT, "alice"))
                    .expectEvents(onProduction(GRANT));
        }

        @Test
        void the_same_change_on_development_needs_one() {
            TargetId dev = TargetId.of("dev");
            fixture.givenNoPriorActivity()
                    .when(new ProposeChangeCommand(ID, dev, "t", GRANT, "alice"))
                    .expectEvents(new ChangeProposedEvent(ID, dev, "dev", "t", GRANT, GRANT.plan(), 1, "alice", NOW));
        }

        @Test
        void an_approved_production_change_waits_for_an_operator_and_is_not_started() {
            fixture.given(onProduction(GRANT), dryRun(1, PASSED), new ApprovalGivenEvent(ID, 1, "bob", null, 1, 2, NOW))
                    .when(new ApproveChangeCommand(ID, "carol", null))
                    .expectEvents(new ApprovalGivenEvent(ID, 1, "carol", null, 2, 2, NOW),
                            new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW, true));
            fixture.given(onProduction(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW, true))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.WAIT, production, 1, GRANT.plan()))
                    .expectNoEvents();
        }

        @Test
        void an_operator_rolls_it_out_once_and_then_it_starts() {
            fixture.given(onProduction(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW, true))
                    .when(new RollOutChangeCommand(ID, "bob"))
                    .expectEvents(new ChangeRolledOutEvent(ID, "bob", NOW));
            fixture.given(onProduction(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW, true),
                            new ChangeRolledOutEvent(ID, "bob", NOW))
                    .when(new RollOutChangeCommand(ID, "bob"))
                    .expectException(violation(Code.WRONG_STATE))
                    .expectNoEvents();
            fixture.given(onProduction(GRANT), dryRun(1, PASSED), new ChangeApprovedEvent(ID, 1, GRANT.plan(), NOW, true),
                            new ChangeRolledOutEvent(ID, "bob", NOW))
                    .when(new BeginApplyCommand(ID))
                    .expectResultMessagePayload(new ApplyTicket(ApplyStart.START, production, 1, GRANT.plan()))
                    .expectEvents(new ChangeApplyStartedEvent(ID, NOW));
        }

        @Test
        void a_change_that_is_not_approved_cannot_be_rolled_out() {
            fixture.given(onProduction(GRANT), dryRun(1, PASSED))
                    .when(new RollOutChangeCommand(ID, "bob"))
                    .expectException(violation(Code.WRONG_STATE))
                    .expectNoEvents();
        }
    }
    /** A person's command sent again with the key of a request that took effect (a retry after a lost answer). */
    @Nested
    class RetriedRequests {

        private final RequestKey key = RequestKey.of("bob", "approve-once");

        @Test
        void an_approval_sent_again_with_its_key_changes_nothing_and_is_not_refused() {
            fixture.given(proposed(GRANT), dryRun(1, PASSED))
                    .andGivenCommands(key.on(new ApproveChangeCommand(ID, "bob", "ok")))
                    .when(new ApproveChangeCommand(ID, "bob", "ok"), key.metaData())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void the_same_approval_with_a_new_key_is_refused_as_before() {
            fixture.given(proposed(REVOKE), dryRun(1, PASSED))
                    .andGivenCommands(key.on(new ApproveChangeCommand(ID, "bob", "ok")))
                    .when(new ApproveChangeCommand(ID, "bob", "ok"), RequestKey.of("bob", "another").metaData())
                    .expectException(violation(Code.ALREADY_APPROVED));
        }

        @Test
        void a_revision_sent_again_with_its_key_records_no_third_revision_and_answers_the_second() {
            RequestKey revising = RequestKey.of("alice", "revise-once");
            fixture.given(proposed(GRANT), dryRun(1, FAILED))
                    .andGivenCommands(revising.on(new ReviseChangeCommand(ID, null, REVOKE, "alice")))
                    .when(new ReviseChangeCommand(ID, null, REVOKE, "alice"), revising.metaData())
                    .expectNoEvents()
                    .expectResultMessagePayload(2);
        }
    }
}
