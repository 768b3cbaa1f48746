package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.policy.PolicyExpressions;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlFragment;

/**
 * A row-level policy of a protected table. It has no roles: through the views every query reaches
 * the table as the views' owner, so roles cannot tell callers apart; session claims can.
 */
public record RowPolicy(Identifier name, PolicyCommand command, PolicyMode mode, SqlFragment using,
                        SqlFragment withCheck) {

    public RowPolicy {
        SpecViolation.required("name", name);
        command = command == null ? PolicyCommand.ALL : command;
        mode = mode == null ? PolicyMode.PERMISSIVE : mode;
        if (using == null && withCheck == null) {
            throw new SpecViolation(command == PolicyCommand.INSERT ? "withCheck" : "using",
                    "a policy needs a USING or a WITH CHECK expression");
        }
        PolicyExpressions.check(command, using, withCheck);
    }
}
