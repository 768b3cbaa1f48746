package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlLiteral;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code COMMENT ON <object> IS '<text>' | NULL}: the object as PostgreSQL names each kind
 * (a column as table.column, a function with its argument types, a policy or trigger ON its table).
 */
public record CommentOn(Target target, QualifiedName object, Identifier member, List<TypeName> argumentTypes, String text) {

    /** What can carry a comment here, as COMMENT ON spells it. */
    public enum Target { TABLE, COLUMN, VIEW, FUNCTION, POLICY, TRIGGER, ROLE, SCHEMA }

    public CommentOn {
        argumentTypes = argumentTypes == null ? List.of() : List.copyOf(argumentTypes);
    }

    public String sql() {
        String name = switch (target) {
            case TABLE, VIEW -> object.quoted();
            case COLUMN -> object.quoted() + "." + member.quoted();
            case FUNCTION -> object.quoted() + "(" + argumentTypes.stream().map(TypeName::name).collect(Collectors.joining(", ")) + ")";
            case POLICY, TRIGGER -> member.quoted() + " ON " + object.quoted();
            case ROLE, SCHEMA -> member.quoted();
        };
        return "COMMENT ON " + target.name() + " " + name + " IS " + (text == null ? "NULL" : SqlLiteral.string(text));
    }
}
