package dev.planetary.query.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sends plain-text mail when an SMTP server is configured ({@code spring.mail.host}); without one,
 * Planetary runs and says once in its log that notifications are not sent.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final String from;

    public Mailer(ObjectProvider<JavaMailSender> sender, @Value("${planetary.mail.from:planetary@localhost}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
        if (this.sender == null) {
            log.warn("No SMTP server configured (spring.mail.host): Planetary runs, but sends no notifications");
        }
    }

    public boolean enabled() {
        return sender != null;
    }

    public void send(List<String> to, String subject, String body) {
        if (sender == null || to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }
}
