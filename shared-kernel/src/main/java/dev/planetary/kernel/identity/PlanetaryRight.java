package dev.planetary.kernel.identity;

/**
 * What a person may do in Planetary, granted by membership in a group role of the target
 * database, so who may do what is itself kept (and audited) in PostgreSQL.
 */
public enum PlanetaryRight {
    REQUESTER("planetary_requester"),
    REVIEWER("planetary_reviewer"),
    OPERATOR("planetary_operator"),
    VIEWER("planetary_viewer");

    private final String groupRole;

    PlanetaryRight(String groupRole) {
        this.groupRole = groupRole;
    }

    public String groupRole() {
        return groupRole;
    }

    /** The Spring Security authority for this right. */
    public String authority() {
        return "ROLE_" + name();
    }
}
