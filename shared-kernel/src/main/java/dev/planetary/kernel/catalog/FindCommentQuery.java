package dev.planetary.kernel.catalog;

import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/**
 * The current comment on one object, named as COMMENT ON names it ({@link CommentOn}), read when a
 * comment on it is proposed: the answer ({@link dev.planetary.kernel.spec.PreviousComment}) holds a
 * null text when the object has no comment, and is empty when there is no such object.
 */
public record FindCommentQuery(TargetId target, CommentOn.Target kind, QualifiedName object, Identifier name,
                               List<TypeName> argumentTypes) {

    public FindCommentQuery {
        argumentTypes = argumentTypes == null ? List.of() : List.copyOf(argumentTypes);
    }
}
