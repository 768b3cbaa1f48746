package dev.planetary.command.apply;

import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.command.ExecuteChangeCommand;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeApprovedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeRolledOutEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Hands an approved change to the DDL executor (at once, or when an operator rolls it out where its
 * environment asks for that) and ends when the change has an outcome. The saga runs no SQL; the
 * executor answers with events on the change itself.
 */
@Saga
public class ApplyChangeSaga {

    private String changeId;

    @StartSaga
    @SagaEventHandler(associationProperty = "changeId")
    public void on(ChangeApprovedEvent event, CommandGateway commandGateway) {
        changeId = event.changeId().value();
        if (!event.awaitingRollout()) {
            commandGateway.send(new ExecuteChangeCommand(event.changeId()));
        }
    }

    @SagaEventHandler(associationProperty = "changeId")
    public void on(ChangeRolledOutEvent event, CommandGateway commandGateway) {
        commandGateway.send(new ExecuteChangeCommand(event.changeId()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "changeId")
    public void on(ChangeAppliedEvent event) {
        // the change is applied: nothing left to coordinate
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "changeId")
    public void on(ChangeFailedEvent event) {
        // the failure is recorded on the change; undoing is a new change
    }

    /** Jackson serialises sagas through their properties. */
    public String getChangeId() {
        return changeId;
    }

    public void setChangeId(String changeId) {
        this.changeId = changeId;
    }

    ChangeId changeId() {
        return changeId == null ? null : ChangeId.of(changeId);
    }
}
