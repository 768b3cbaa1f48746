package dev.planetary.command.apply;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.spec.policy.RowSecurityAction;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.sql.QualifiedName;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class ApplyChangeSagaTest {

    private static final ChangeId ID = ChangeId.of("c-7");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final ChangeApprovedEvent APPROVED = new ChangeApprovedEvent(ID, 1,
            new RowSecuritySpec(QualifiedName.of("app", "invoice"), RowSecurityAction.ENABLE).plan(), NOW);

    private SagaTestFixture<ApplyChangeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ApplyChangeSaga.class);
    }

    @Test
    void an_approved_change_is_handed_to_the_executor() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(APPROVED)
                .expectActiveSagas(1)
                .expectAssociationWith("changeId", ID.value())
                .expectDispatchedCommands(new ExecuteChangeCommand(ID));
    }

    @Test
    void the_saga_ends_when_the_change_is_applied() {
        fixture.givenAPublished(APPROVED)
                .whenPublishingA(new ChangeAppliedEvent(ID, 5, NOW))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void the_saga_ends_when_the_change_fails() {
        fixture.givenAPublished(APPROVED)
                .whenPublishingA(new ChangeFailedEvent(ID, SqlError.of("55P03", "lock timeout"), NOW))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void the_outcome_of_another_change_does_not_end_it() {
        fixture.givenAPublished(APPROVED)
                .whenPublishingA(new ChangeAppliedEvent(ChangeId.of("other"), 5, NOW))
                .expectActiveSagas(1);
    }
}
