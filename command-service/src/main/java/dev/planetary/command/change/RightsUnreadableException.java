package dev.planetary.command.change;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.target.TargetNotAnswering;
import org.springframework.security.access.AccessDeniedException;

/**
 * A person's rights on a target could not be read there (the target does not answer): refused, as
 * any missing right is, but the answer says the target is down rather than that the person lacks a right.
 */
public class RightsUnreadableException extends AccessDeniedException implements TargetNotAnswering {

    private final transient TargetId target;

    public RightsUnreadableException(TargetId target, Throwable cause) {
        super("your rights on " + target + " could not be read there: the target does not answer; try again when it is back", cause);
        this.target = target;
    }

    @Override
    public TargetId target() {
        return target;
    }
}
