package dev.planetary.kernel.policy;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;

/**
 * A row-policy template someone saved for reuse. {@code {column}} in an expression is the blank:
 * it becomes the quoted column chosen when the template is used. Saving checks that the filled
 * expressions are single SQL expressions, like any policy's.
 */
public record SavedPolicyTemplate(String name, String description, PolicyCommand command, PolicyMode mode,
                                  String using, String withCheck) {

    public static final String BLANK = "{column}";

    public SavedPolicyTemplate {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new SpecViolation("name", "a template needs a name of at most 80 characters");
        }
        name = name.strip();
        description = description == null ? "" : description.strip();
        command = command == null ? PolicyCommand.ALL : command;
        mode = mode == null ? PolicyMode.PERMISSIVE : mode;
        using = using == null || using.isBlank() ? null : using.strip();
        withCheck = withCheck == null || withCheck.isBlank() ? null : withCheck.strip();
        if (using == null && withCheck == null) {
            throw new SpecViolation("using", "a template needs a USING or a WITH CHECK expression");
        }
        fill(Identifier.of("column"), command, mode, using, withCheck);
    }

    public PolicyTemplate.Filled fill(Identifier column) {
        return fill(column, command, mode, using, withCheck);
    }

    private static PolicyTemplate.Filled fill(Identifier column, PolicyCommand command, PolicyMode mode, String using,
                                              String withCheck) {
        SqlFragment filledUsing = fragment("using", using, column);
        SqlFragment filledCheck = fragment("withCheck", withCheck, column);
        return new PolicyTemplate.Filled(command, mode, filledUsing, filledCheck);
    }

    private static SqlFragment fragment(String field, String expression, Identifier column) {
        if (expression == null) {
            return null;
        }
        try {
            return SqlFragment.of(expression.replace(BLANK, column.quoted()));
        } catch (IllegalArgumentException e) {
            throw new SpecViolation(field, e.getMessage());
        }
    }

    public boolean hasBlank() {
        return (using != null && using.contains(BLANK)) || (withCheck != null && withCheck.contains(BLANK));
    }
}
