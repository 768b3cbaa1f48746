package dev.planetary.query.notify;

import dev.planetary.kernel.jobs.JobFailedEvent;
import dev.planetary.kernel.jobs.JobLateEvent;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Mail to a target's operators about its scheduled jobs: a job that starts failing (with the server's error), a job
 * that did not run when due. In the notifications group with the mail about changes; never replayed.
 */
@Component
@ProcessingGroup("notifications")
@DisallowReplay
public class JobNotifications {

    private final OperatorMail mail;

    public JobNotifications(OperatorMail mail) {
        this.mail = mail;
    }

    /** The first failure of a series: a job failing every minute mails once, and again only after it has succeeded. */
    @EventHandler
    void on(JobFailedEvent event) {
        if (!event.firstInARow()) {
            return;
        }
        tell(event.target(), "Job " + event.job() + " failed",
                "A run of the scheduled job " + event.job() + " failed on the target " + event.target() + ".\n\n"
                        + "Run: " + event.runId() + "\nStarted: " + event.start() + "\nEnded: " + event.end()
                        + "\nError: " + (event.message() == null ? "none given" : event.message().strip())
                        + "\n\nPlanetary mails again about this job once it has succeeded and then fails again.");
    }

    @EventHandler
    void on(JobLateEvent event) {
        tell(event.target(), "Job " + event.job() + " did not run",
                "The scheduled job " + event.job() + " (" + event.schedule() + ") was due at " + event.dueAt()
                        + " on the target " + event.target() + " and has not run.\n"
                        + (event.lastStart() == null ? "It has not run since Planetary first saw it."
                        : "Its last run started at " + event.lastStart() + ".")
                        + "\n\nIs pg_cron running (its launcher in pg_stat_activity), and can it connect (cron.host)?"
                        + " Is the previous run still going?");
    }

    private void tell(TargetId target, String subject, String body) {
        mail.tell(target, subject, body, "jobs", "jobs");
    }
}
