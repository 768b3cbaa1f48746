package dev.planetary.kernel.spec.privilege;

public enum PrivilegeAction {
    GRANT,
    REVOKE;

    public PrivilegeAction opposite() {
        return this == GRANT ? REVOKE : GRANT;
    }

    /** "TO" after GRANT, "FROM" after REVOKE. */
    String preposition() {
        return this == GRANT ? "TO" : "FROM";
    }

    String verb() {
        return this == GRANT ? "Grant" : "Revoke";
    }
}
