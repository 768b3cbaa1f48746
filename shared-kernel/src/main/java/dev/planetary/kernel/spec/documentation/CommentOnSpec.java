package dev.planetary.kernel.spec.documentation;

import dev.planetary.kernel.ddl.CommentOn.Target;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.PreviousComment;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Documents an object in the catalog, where psql's {@code \d+}, PostgREST's OpenAPI output and
 * Planetary's catalog pages read it: a table, column, view, function, policy, trigger, role or
 * schema. {@code object} is the table, view or function; {@code name} the column, policy, trigger,
 * role or schema; a blank {@code comment} removes the comment. {@code previous} is the comment the
 * object had, read by Planetary at proposal: the inverse puts it back (or removes the comment when
 * there was none).
 */
public record CommentOnSpec(Target target, QualifiedName object, Identifier name, List<TypeName> argumentTypes, String comment,
                            PreviousComment previous) implements ChangeSpec {

    public static final String KIND = "comment-on";
    private static final Set<Target> ON_RELATION_OR_FUNCTION = EnumSet.of(Target.TABLE, Target.COLUMN, Target.VIEW,
            Target.FUNCTION, Target.POLICY, Target.TRIGGER);
    private static final Set<Target> NAMED = EnumSet.of(Target.COLUMN, Target.POLICY, Target.TRIGGER, Target.ROLE, Target.SCHEMA);
    private static final int MAX_LENGTH = 10_000;

    public CommentOnSpec {
        SpecViolation.required("target", target);
        argumentTypes = SpecViolation.noNulls("argumentTypes", argumentTypes == null ? List.of() : argumentTypes);
        if (ON_RELATION_OR_FUNCTION.contains(target)) {
            SpecViolation.required("object", object);
        } else if (object != null) {
            throw new SpecViolation("object", "a " + target.name().toLowerCase() + " is named by name alone");
        }
        if (NAMED.contains(target)) {
            SpecViolation.required("name", name);
        } else if (name != null) {
            throw new SpecViolation("name", "a " + target.name().toLowerCase() + " comment names the object only");
        }
        if (target != Target.FUNCTION && !argumentTypes.isEmpty()) {
            throw new SpecViolation("argumentTypes", "only a function is named with its argument types");
        }
        comment = comment == null || comment.isBlank() ? null : SpecViolation.readable("comment", comment.strip(), "a comment");
        if (comment != null && comment.length() > MAX_LENGTH) {
            throw new SpecViolation("comment", "a comment has at most " + MAX_LENGTH + " characters");
        }
    }

    public CommentOnSpec withPrevious(PreviousComment previous) {
        return new CommentOnSpec(target, object, name, argumentTypes, comment, SpecViolation.required("previous", previous));
    }

    /** Which field names the object whose comment is read: the member when there is one. */
    public String namingField() {
        return NAMED.contains(target) ? "name" : "object";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        CommentOn statement = new CommentOn(target, object, name, argumentTypes, comment);
        PlanBuilder plan = PlanBuilder.summarised((comment == null ? "Remove the comment on " : "Comment on ") + described())
                .touches(touched())
                .statement(statement.sql());
        if (previous == null) {
            plan.noInverse("the previous comment is read from the catalog when the change is proposed");
        } else {
            plan.inverse(new CommentOn(target, object, name, argumentTypes, previous.text()).sql());
        }
        return plan.build();
    }

    private String described() {
        return switch (target) {
            case TABLE, VIEW -> target.name().toLowerCase() + " " + object.display();
            case COLUMN -> "column " + object.display() + "." + name.name();
            case FUNCTION -> "function " + object.display() + "(" + String.join(", ", argumentTypes.stream().map(TypeName::name).toList()) + ")";
            case POLICY, TRIGGER -> target.name().toLowerCase() + " " + name.name() + " on " + object.display();
            case ROLE, SCHEMA -> target.name().toLowerCase() + " " + name.name();
        };
    }

    private ObjectRef touched() {
        return switch (target) {
            case TABLE, COLUMN, VIEW -> ObjectRef.table(object);
            case FUNCTION -> ObjectRef.function(object);
            case POLICY -> ObjectRef.policy(object, name);
            case TRIGGER -> ObjectRef.trigger(object, name);
            case ROLE -> ObjectRef.role(name);
            case SCHEMA -> ObjectRef.schema(name);
        };
    }
}
