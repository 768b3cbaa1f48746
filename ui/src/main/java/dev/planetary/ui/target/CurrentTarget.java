package dev.planetary.ui.target;

import com.vaadin.flow.server.VaadinSession;
import dev.planetary.kernel.target.TargetId;

import java.util.Optional;

/**
 * The target database this UI session looks at and proposes changes to: chosen in the header
 * (the home target until someone chooses another), kept for the session.
 */
public final class CurrentTarget {

    private static final String ATTRIBUTE = CurrentTarget.class.getName();

    private CurrentTarget() {
    }

    /** The session's target; outside a session, or before the layout chose one, the default target. */
    public static TargetId id() {
        return chosen().orElse(TargetId.DEFAULT);
    }

    static Optional<TargetId> chosen() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(ATTRIBUTE) instanceof TargetId target ? Optional.of(target) : Optional.empty();
    }

    public static void choose(TargetId target) {
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, target);
    }
}
