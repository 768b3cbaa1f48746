package dev.planetary.query.notify;

import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.identity.Directory;
import dev.planetary.query.identity.ProfileRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Mail to the operators of a target about what runs on it (jobs, replication), with a link to the page to look at. */
@Component
public class OperatorMail {

    private final Mailer mailer;
    private final Directory directory;
    private final ProfileRepository profiles;
    private final String publicUrl;

    public OperatorMail(Mailer mailer, Directory directory, ProfileRepository profiles,
                        @Value("${planetary.public-url:http://localhost:8080}") String publicUrl) {
        this.mailer = mailer;
        this.directory = directory;
        this.profiles = profiles;
        this.publicUrl = publicUrl;
    }

    /** "[Planetary] subject on target" to the target's operators; {@code page} is the path of the page that shows it ("jobs"). */
    public void tell(TargetId target, String subject, String body, String page, String pageName) {
        if (!mailer.enabled()) {
            return;
        }
        boolean home = TargetId.DEFAULT.equals(target);
        mailer.send(profiles.emailsOf(directory.holdersOf(target, PlanetaryRight.OPERATOR)),
                "[Planetary] " + subject + (home ? "" : " on " + target),
                body + "\n\nOpen the " + pageName + " in Planetary: " + publicUrl + "/" + page + (home ? "" : "?target=" + target) + "\n");
    }
}
