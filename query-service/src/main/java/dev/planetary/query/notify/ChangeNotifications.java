package dev.planetary.query.notify;

import dev.planetary.kernel.change.event.ApprovalGivenEvent;
import dev.planetary.kernel.change.event.ChangeAppliedEvent;
import dev.planetary.kernel.change.event.ChangeDriftedEvent;
import dev.planetary.kernel.change.event.ChangeFailedEvent;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.change.event.ChangeRejectedEvent;
import dev.planetary.kernel.change.event.ChangeRevisedEvent;
import dev.planetary.kernel.drift.DriftDetectedEvent;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.identity.Directory;
import dev.planetary.query.identity.ProfileRepository;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mail about changes: reviewers hear when a change needs review; the requester and the reviewers
 * who acted hear when it is rejected, applied or fails. Addresses come from person profiles.
 * Its own processing group, so a slow mail server holds up no projection; never replayed.
 */
@Component
@ProcessingGroup("notifications")
@DisallowReplay
public class ChangeNotifications {

    private final Mailer mailer;
    private final Directory directory;
    private final ProfileRepository profiles;
    private final JdbcClient jdbc;
    private final String publicUrl;

    public ChangeNotifications(Mailer mailer, Directory directory, ProfileRepository profiles, JdbcClient jdbc,
                               @Value("${planetary.public-url:http://localhost:8080}") String publicUrl) {
        this.mailer = mailer;
        this.directory = directory;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
    }

    private record Participants(String title, String requester, List<String> reviewers, TargetId target) {
    }

    @EventHandler
    void on(ChangeProposedEvent event) {
        jdbc.sql("INSERT INTO notification_change (change_id, title, requester, target) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(event.changeId().value(), event.title(), event.requester(), event.target().value())
                .update();
        askForReview(event.changeId().value(), event.target(), event.title(), event.requester(), event.plan(), "needs your review");
    }

    @EventHandler
    void on(ChangeRevisedEvent event) {
        jdbc.sql("UPDATE notification_change SET title = ? WHERE change_id = ?").params(event.title(), event.changeId().value()).update();
        askForReview(event.changeId().value(), event.target(), event.title(), event.revisedBy(), event.plan(),
                "was revised (revision " + event.revision() + ") and needs your review again");
    }

    @EventHandler
    void on(ApprovalGivenEvent event) {
        jdbc.sql("UPDATE notification_change SET reviewers = array_append(reviewers, ?) WHERE change_id = ? AND NOT (? = ANY(reviewers))")
                .params(event.reviewer(), event.changeId().value(), event.reviewer())
                .update();
    }

    @EventHandler
    void on(ChangeRejectedEvent event) {
        participants(event.changeId().value()).ifPresent(p -> tell(p, event.changeId().value(), event.reviewer(),
                "Rejected", "was rejected by " + event.reviewer() + ".\n\nReason: " + event.reason()));
    }

    @EventHandler
    void on(ChangeAppliedEvent event) {
        participants(event.changeId().value()).ifPresent(p -> tell(p, event.changeId().value(), null,
                "Applied", "was applied to the database in " + event.durationMillis() + " ms."));
    }

    @EventHandler
    void on(ChangeFailedEvent event) {
        participants(event.changeId().value()).ifPresent(p -> tell(p, event.changeId().value(), null,
                "Failed", "failed to apply; " + (event.note() == null ? "nothing was changed." : event.note())
                        + "\n\nPostgreSQL said: " + event.error().sqlState() + " "
                        + event.error().message()
                        + (event.error().detail() == null ? "" : "\nDetail: " + event.error().detail())
                        + (event.error().hint() == null ? "" : "\nHint: " + event.error().hint())));
    }

    /** A change stopped by the drift guard needs its requester to revise it, and its reviewers to look again. */
    @EventHandler
    void on(ChangeDriftedEvent event) {
        participants(event.changeId().value()).ifPresent(p -> tell(p, event.changeId().value(), null,
                "Stopped by drift", "was not applied: since its dry-run, its objects were changed outside Planetary.\n\n"
                        + String.join("\n", event.differences())
                        + "\n\nNothing ran. The requester can revise it (a new dry-run and a new review) or withdraw it."));
    }

    /** Operators hear about DDL that bypassed review, with what ran and who ran it. */
    @EventHandler
    void on(DriftDetectedEvent event) {
        if (!mailer.enabled()) {
            return;
        }
        mailer.send(profiles.emailsOf(directory.holdersOf(PlanetaryRight.OPERATOR)),
                "[Planetary] Drift" + on(event.target()) + ": " + event.commandTag()
                        + (event.objectIdentity() == null ? "" : " " + event.objectIdentity()),
                "A DDL statement ran on the target" + on(event.target()) + " outside Planetary, with no change approving it.\n\n"
                        + "Who: " + event.sessionUser() + "\nWhen: " + event.at() + "\nWhat: " + event.commandTag()
                        + (event.objectIdentity() == null ? "" : " " + event.objectIdentity())
                        + (event.statement() == null ? "" : "\n\nSQL:\n" + event.statement().strip())
                        + "\n\nOpen the history in Planetary: " + publicUrl + "/history?event=drift\n");
    }

    /** Names a target in a mail, where there are several (a set-up with only the default one reads as before). */
    private static String on(TargetId target) {
        return TargetId.DEFAULT.equals(target) ? "" : " on " + target;
    }

    /** The reviewers of the change's target (their rights there) are asked. */
    private void askForReview(String changeId, TargetId target, String title, String requester, Plan plan, String what) {
        if (!mailer.enabled()) {
            return;
        }
        List<String> reviewers = new ArrayList<>(directory.holdersOf(target, PlanetaryRight.REVIEWER));
        reviewers.remove(requester);
        mailer.send(profiles.emailsOf(reviewers), "[Planetary] Review needed" + on(target) + ": " + title,
                "The change \"" + title + "\" proposed by " + requester + " " + what + ".\n\n"
                        + "Risk: " + plan.risk() + (plan.riskReasons().isEmpty() ? "" : " (" + String.join("; ", plan.riskReasons()) + ")")
                        + "\n\nSQL:\n" + plan.script() + "\n" + link(changeId));
    }

    private void tell(Participants participants, String changeId, String alsoReviewer, String outcome, String what) {
        Set<String> logins = new LinkedHashSet<>();
        logins.add(participants.requester());
        logins.addAll(participants.reviewers());
        if (alsoReviewer != null) {
            logins.add(alsoReviewer);
        }
        mailer.send(profiles.emailsOf(logins), "[Planetary] " + outcome + on(participants.target()) + ": " + participants.title(),
                "The change \"" + participants.title() + "\" " + what + "\n\n" + link(changeId));
    }

    private String link(String changeId) {
        return "Open it in Planetary: " + publicUrl + "/changes/" + changeId + "\n";
    }

    private Optional<Participants> participants(String changeId) {
        if (!mailer.enabled()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT title, requester, reviewers, target FROM notification_change WHERE change_id = ?")
                .param(changeId)
                .query((rs, n) -> {
                    Array reviewers = rs.getArray(3);
                    return new Participants(rs.getString(1), rs.getString(2),
                            reviewers == null ? List.of() : Arrays.asList((String[]) reviewers.getArray()), TargetId.of(rs.getString(4)));
                })
                .optional();
    }
}
