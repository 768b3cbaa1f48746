package dev.planetary.kernel.change;

/** No change with this id exists (or none is visible yet). */
public class ChangeNotFoundException extends RuntimeException {

    public ChangeNotFoundException(String changeId) {
        super("no change with id " + changeId);
    }
}
