package dev.planetary.ui.api;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.planetary.ui.support.PlanetaryIT;
import dev.planetary.ui.support.TestStack;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications arrive in a real SMTP server (GreenMail), addressed from person profiles. */
class MailIT extends PlanetaryIT {

    @BeforeEach
    void profiles() {
        for (String login : List.of("alice", "bob", "carol", "dave")) {
            api.put(login, "/api/me/profile", "{\"displayName\":\"" + login + "\",\"email\":\"" + login + "@example.test\"}");
        }
    }

    @Test
    void reviewers_hear_of_a_new_change_and_the_requester_hears_it_was_applied() throws Exception {
        String title = "Mail check " + UUID.randomUUID();
        String id = api.post("alice", "/api/changes", """
                {"title":"%s","spec":{"kind":"table-privilege","action":"GRANT","privileges":["SELECT"],
                 "table":{"schema":"app","name":"customer"},"grantee":"app_reader"}}""".formatted(title)).body().path("id").asText();

        List<MimeMessage> review = await(m -> subject(m).equals("[Planetary] Review needed: " + title), 1);
        assertThat(recipients(review.get(0))).containsExactlyInAnyOrder("bob@example.test", "carol@example.test", "dave@example.test");
        assertThat(GreenMailUtil.getBody(review.get(0))).contains("GRANT SELECT ON TABLE \"app\".\"customer\" TO \"app_reader\"")
                .contains("/changes/" + id);

        api.approve("bob", id);
        List<MimeMessage> applied = await(m -> subject(m).equals("[Planetary] Applied: " + title), 1);
        assertThat(recipients(applied.get(0))).containsExactlyInAnyOrder("alice@example.test", "bob@example.test");
    }

    @Test
    void the_requester_hears_of_a_rejection_with_its_reason() throws Exception {
        String title = "Mail rejection " + UUID.randomUUID();
        String id = api.post("alice", "/api/changes", """
                {"title":"%s","spec":{"kind":"row-security","table":{"schema":"app","name":"customer"},"action":"FORCE"}}"""
                .formatted(title)).body().path("id").asText();
        api.post("carol", "/api/changes/" + id + "/rejections", "{\"reason\":\"owner must keep bypassing\"}");

        List<MimeMessage> rejected = await(m -> subject(m).equals("[Planetary] Rejected: " + title), 1);
        assertThat(recipients(rejected.get(0))).containsExactlyInAnyOrder("alice@example.test", "carol@example.test");
        assertThat(GreenMailUtil.getBody(rejected.get(0))).contains("owner must keep bypassing");
    }

    @Test
    void the_requester_and_the_reviewer_hear_that_drift_stopped_a_change() throws Exception {
        String title = "Mail drift " + UUID.randomUUID();
        STACK.asOwner("CREATE TABLE app.mail_drift (id int PRIMARY KEY)");
        String id = api.post("alice", "/api/changes", """
                {"title":"%s","spec":{"kind":"row-security","table":{"schema":"app","name":"mail_drift"},"action":"ENABLE"}}"""
                .formatted(title)).body().path("id").asText();
        STACK.asOwner("ALTER TABLE app.mail_drift ADD COLUMN by_hand text");
        api.approve("bob", id);

        List<MimeMessage> stopped = await(m -> subject(m).equals("[Planetary] Stopped by drift: " + title), 1);
        assertThat(recipients(stopped.get(0))).containsExactlyInAnyOrder("alice@example.test", "bob@example.test");
        assertThat(GreenMailUtil.getBody(stopped.get(0))).contains("definition of \"app\".\"mail_drift\"", "Nothing ran");
    }

    private interface Match {
        boolean test(MimeMessage message) throws MessagingException;
    }

    private static List<MimeMessage> await(Match match, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<MimeMessage> found = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            for (MimeMessage message : TestStack.mail().getReceivedMessages()) {
                if (match.test(message)) {
                    found.add(message);
                }
            }
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " message(s), found " + found.size());
    }

    private static String subject(MimeMessage message) throws MessagingException {
        return message.getSubject() == null ? "" : message.getSubject();
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }
}
