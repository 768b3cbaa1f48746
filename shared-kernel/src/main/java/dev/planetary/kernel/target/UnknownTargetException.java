package dev.planetary.kernel.target;

/** A request named a target Planetary does not manage. */
public class UnknownTargetException extends RuntimeException {

    private final TargetId target;

    public UnknownTargetException(TargetId target) {
        super("there is no target '" + target + "'");
        this.target = target;
    }

    public TargetId target() {
        return target;
    }
}
