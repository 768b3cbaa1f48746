package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.target.TargetNotAnswering;
import dev.planetary.ui.persistence.ControlPlane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one error handler of every UI session: whatever a view did not catch is logged in full on the
 * server and shown to the person in words (a refused rule as its own message), never as a stack trace.
 */
@Component
public class PlanetaryErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(PlanetaryErrorHandling.class);

    /** What a person is told when Planetary's own database cannot be reached. */
    static final String CONTROL_PLANE_DOWN = "Planetary's own database cannot be reached: nothing was changed."
            + " Changes on the targets that were under way finish and are recorded once it is back. Try again in a moment.";

    private final ControlPlane controlPlane;

    public PlanetaryErrorHandling(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            while (cause.getCause() != null && !(cause instanceof ChangeRuleViolation) && !(cause instanceof AccessDeniedException)) {
                cause = cause.getCause();
            }
            String message;
            if (cause instanceof ChangeRuleViolation violation) {
                message = violation.getMessage();
            } else if (cause instanceof TargetNotAnswering unreadable) {
                message = unreadable.getMessage() + ".";
            } else if (cause instanceof AccessDeniedException) {
                message = "Your Planetary rights do not allow this.";
            } else if (controlPlane.isDown(error.getThrowable())) {
                log.warn("Planetary's database cannot be reached: {}", cause.getMessage());
                message = CONTROL_PLANE_DOWN;
            } else {
                log.error("unexpected error in the UI", error.getThrowable());
                message = "Planetary could not finish this; nothing was changed. The server log has the details.";
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(message, 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }
}
