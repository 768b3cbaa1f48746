package dev.planetary.kernel.identity;

/**
 * A command a person sends (from the UI or the API), as opposed to one Planetary sends itself
 * (dry-run outcomes, apply steps). Besides its rights, the command side checks that the signed-in
 * person is the one the command names: nobody approves or proposes in another's name.
 */
public interface PersonCommand extends RightsRequired {

    /** The login the command acts for. */
    String person();
}
