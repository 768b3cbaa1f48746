package dev.planetary.ui.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.RunJobNowCommand;
import dev.planetary.ui.security.CurrentUser;
import dev.planetary.ui.target.CurrentTarget;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Asks an operator why before a job runs now, and shows what runs, verbatim, as whom and where: the
 * history keeps all of it, and the run's outcome follows there and under the job.
 */
class RunNowDialog extends Dialog {

    RunNowDialog(CommandGateway commands, CronJob job, Runnable started) {
        setHeaderTitle("Run " + job.name() + " now");
        Paragraph what = new Paragraph("Runs once, now, as " + job.username() + " in " + job.database()
                + ", as pg_cron would run it; its schedule stays as it is.");
        Pre sql = new Pre(job.command());
        sql.addClassName("health-sql-block");
        TextArea reason = new TextArea("Why (kept in the history)");
        reason.setId("run-now-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        add(what, sql, reason);
        Button confirm = new Button("Run now", e -> {
            try {
                commands.sendAndWait(new RunJobNowCommand(CurrentTarget.id(), job.name(), reason.getValue(), CurrentUser.login()));
                Notification.show("Started " + job.name() + ": its outcome appears under the job and in the history", 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                started.run();
            } catch (ChangeRuleViolation violation) {
                refused(reason, violation);
            } catch (CommandExecutionException failed) {
                if (failed.getCause() instanceof ChangeRuleViolation violation) {
                    refused(reason, violation);
                } else {
                    throw failed;
                }
            }
        });
        confirm.setId("run-now-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Not now", e -> close()), confirm);
        setWidth("36em");
    }

    private static void refused(TextArea reason, ChangeRuleViolation violation) {
        if ("reason".equals(violation.field())) {
            reason.setInvalid(true);
            reason.setErrorMessage(violation.getMessage());
        } else {
            Notification.show(violation.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
