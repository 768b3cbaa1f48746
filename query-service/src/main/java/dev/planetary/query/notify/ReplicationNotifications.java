package dev.planetary.query.notify;

import dev.planetary.kernel.replication.SlotAtRiskEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Mail to a target's operators about a replication slot at risk. In the notifications group; never replayed. */
@Component
@ProcessingGroup("notifications")
@DisallowReplay
public class ReplicationNotifications {

    private final OperatorMail mail;

    public ReplicationNotifications(OperatorMail mail) {
        this.mail = mail;
    }

    @EventHandler
    void on(SlotAtRiskEvent event) {
        mail.tell(event.target(), "Replication slot " + event.slot() + " at risk",
                "The replication slot " + event.slot() + " on the target " + event.target() + " is at risk: " + event.risk() + ".\n\n"
                        + "A slot keeps the server's WAL until its consumer confirms it. Is its subscriber or standby running and able"
                        + " to connect? If nothing uses it any more, propose to drop it.\n\n"
                        + "Planetary mails again about this slot once it has recovered and is at risk again.",
                "replication", "replication page");
    }
}
