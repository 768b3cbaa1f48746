package dev.planetary.kernel.sql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The receiver of a privilege or policy: a role, or PUBLIC (every role). The strings "PUBLIC" and
 * "public" mean the keyword (PostgreSQL reserves the role name public). Other spellings such as
 * "Public" are roles: quoted, PostgreSQL allows a role of that name.
 */
public record Grantee(Identifier role) {

    public static final Grantee PUBLIC = new Grantee(null);

    @JsonCreator
    public static Grantee of(String name) {
        if ("public".equals(name) || "PUBLIC".equals(name)) {
            return PUBLIC;
        }
        return new Grantee(Identifier.of(name));
    }

    public static Grantee role(Identifier role) {
        return new Grantee(java.util.Objects.requireNonNull(role));
    }

    public boolean isPublic() {
        return role == null;
    }

    public String sql() {
        return isPublic() ? "PUBLIC" : role.quoted();
    }

    @JsonValue
    public String display() {
        return isPublic() ? "PUBLIC" : role.name();
    }

    @Override
    public String toString() {
        return display();
    }
}
