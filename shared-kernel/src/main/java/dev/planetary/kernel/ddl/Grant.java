package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GRANT or REVOKE of privileges on one object, rendered here and nowhere else:
 * {@code GRANT SELECT (a, b), UPDATE ON TABLE t TO r WITH GRANT OPTION},
 * {@code REVOKE GRANT OPTION FOR ... FROM r}. {@code object} is the object's name as the caller
 * quoted it (a {@code QualifiedName}'s or a function signature's {@code quoted()}); {@code target}
 * the keyword before it. For REVOKE, {@code grantOption} takes only the grant option away.
 */
public record Grant(Action action, List<Privilege> privileges, Target target, String object, List<Grantee> grantees,
                   boolean grantOption) {

    public enum Action { GRANT, REVOKE }

    /** The object keyword; RELATION writes none (PostgreSQL then reads a table, view or sequence). */
    public enum Target {
        TABLE("TABLE "), RELATION(""), SCHEMA("SCHEMA "), FUNCTION("FUNCTION ");

        private final String keyword;

        Target(String keyword) {
            this.keyword = keyword;
        }
    }

    /** One privilege keyword, with the columns it is limited to (table privileges only). */
    public record Privilege(String keyword, List<Identifier> columns) {

        private static final Set<String> KEYWORDS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
                "TRIGGER", "USAGE", "CREATE", "EXECUTE", "CONNECT", "TEMPORARY", "ALL");

        public Privilege {
            keyword = keyword.toUpperCase(Locale.ROOT);
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("not a privilege: " + keyword);
            }
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public static Privilege of(String keyword) {
            return new Privilege(keyword, List.of());
        }

        public static List<Privilege> all(List<? extends Enum<?>> keywords, List<Identifier> columns) {
            return keywords.stream().map(keyword -> new Privilege(keyword.name(), columns)).toList();
        }

        String sql() {
            return columns.isEmpty() ? keyword
                    : keyword + " (" + columns.stream().map(Identifier::quoted).collect(Collectors.joining(", ")) + ")";
        }
    }

    public Grant {
        Objects.requireNonNull(action, "action");
        privileges = List.copyOf(privileges);
        grantees = List.copyOf(grantees);
        if (privileges.isEmpty() || grantees.isEmpty()) {
            throw new IllegalArgumentException("a GRANT or REVOKE names privileges and grantees");
        }
    }

    public static Grant grant(List<Privilege> privileges, Target target, String object, List<Grantee> grantees) {
        return new Grant(Action.GRANT, privileges, target, object, grantees, false);
    }

    public static Grant revoke(List<Privilege> privileges, Target target, String object, List<Grantee> grantees) {
        return new Grant(Action.REVOKE, privileges, target, object, grantees, false);
    }

    public Grant withGrantOption(boolean option) {
        return new Grant(action, privileges, target, object, grantees, option);
    }

    /** The statement that undoes this one: a GRANT's full REVOKE; a REVOKE's GRANT (with the option it took). */
    public Grant inverse() {
        return action == Action.GRANT ? new Grant(Action.REVOKE, privileges, target, object, grantees, false)
                : new Grant(Action.GRANT, privileges, target, object, grantees, grantOption);
    }

    public String sql() {
        String what = privileges.stream().map(Privilege::sql).collect(Collectors.joining(", "));
        String who = grantees.stream().map(Grantee::sql).collect(Collectors.joining(", "));
        String on = " ON " + target.keyword + object;
        return action == Action.GRANT
                ? "GRANT " + what + on + " TO " + who + (grantOption ? " WITH GRANT OPTION" : "")
                : "REVOKE " + (grantOption ? "GRANT OPTION FOR " : "") + what + on + " FROM " + who;
    }
}
