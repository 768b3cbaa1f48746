package dev.planetary.ui.health;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.health.SessionActivity;
import dev.planetary.kernel.health.SessionSignal;
import dev.planetary.kernel.health.SessionSignalledEvent;

/**
 * Asks an operator why before a query is cancelled or a session ended, shows what it is running,
 * and says what happened: the history keeps all of it.
 */
class SignalDialog extends Dialog {

    SignalDialog(HealthData data, SessionActivity session, SessionSignal signal, Runnable done) {
        boolean cancel = signal == SessionSignal.CANCEL;
        setHeaderTitle((cancel ? "Cancel the query of session " : "Terminate session ") + session.pid());
        Paragraph what = new Paragraph(session.role() + (session.application() == null || session.application().isBlank() ? ""
                : " · " + session.application()) + " · " + session.displayState()
                + (cancel ? ". Its running statement fails; the session stays." : ". The session ends and its open transaction rolls back."));
        Pre query = new Pre(session.query() == null ? "" : session.query());
        query.addClassName("health-sql-block");
        TextArea reason = new TextArea("Why (kept in the history)");
        reason.setId("signal-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        add(what, query, reason);
        Button confirm = new Button(cancel ? "Cancel query" : "Terminate session", e -> {
            try {
                SessionSignalledEvent result = data.signal(session.pid(), signal, reason.getValue());
                Notification.show(result.delivered() ? "Done: " + result.summary().split("\\. Why:")[0]
                                : "Session " + session.pid() + " had already ended; recorded all the same", 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                done.run();
            } catch (ChangeRuleViolation violation) {
                if ("reason".equals(violation.field())) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(violation.getMessage());
                } else {
                    Notification.show(violation.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        });
        confirm.setId("signal-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Keep it running", e -> close()), confirm);
        setWidth("36em");
    }
}
