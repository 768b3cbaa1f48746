package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;

/** {@code GRANT role TO member [WITH ADMIN OPTION]} or {@code REVOKE [ADMIN OPTION FOR] role FROM member}. */
public record RoleGrant(Grant.Action action, Identifier role, Identifier member, boolean adminOption) {

    /** A GRANT's inverse removes the membership; a REVOKE's gives back what it took. */
    public RoleGrant inverse() {
        return action == Grant.Action.GRANT ? new RoleGrant(Grant.Action.REVOKE, role, member, false)
                : new RoleGrant(Grant.Action.GRANT, role, member, adminOption);
    }

    public String sql() {
        return action == Grant.Action.GRANT
                ? "GRANT " + role.quoted() + " TO " + member.quoted() + (adminOption ? " WITH ADMIN OPTION" : "")
                : "REVOKE " + (adminOption ? "ADMIN OPTION FOR " : "") + role.quoted() + " FROM " + member.quoted();
    }
}
