package dev.planetary.kernel.plan;

import java.util.List;

/**
 * One step of a plan as the executor runs it: a group of statements that commit together, or one
 * statement that runs outside a transaction. {@code number} counts from 1, as the change's page
 * and the step ledger on the target name it.
 */
public record PlanStep(int number, boolean transactional, List<Statement> statements) {

    public PlanStep {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a step runs at least one statement");
        }
        if (!transactional && statements.size() != 1) {
            throw new IllegalArgumentException("a step outside a transaction runs exactly one statement");
        }
    }

    /** The one statement of a step outside a transaction. */
    public Statement only() {
        return statements.get(0);
    }

    /** What the change's page says the step does. */
    public String description() {
        if (!transactional) {
            String sql = only().sql();
            return sql.length() > 120 ? sql.substring(0, 117) + "..." : sql;
        }
        return statements.size() == 1 ? "1 statement in a transaction" : statements.size() + " statements in one transaction";
    }

    /** Groups statements into steps: consecutive transactional ones commit together; every other one is alone. */
    static List<PlanStep> of(List<Statement> statements) {
        List<PlanStep> steps = new java.util.ArrayList<>();
        List<Statement> group = new java.util.ArrayList<>();
        for (Statement statement : statements) {
            if (statement.transactional()) {
                group.add(statement);
                continue;
            }
            if (!group.isEmpty()) {
                steps.add(new PlanStep(steps.size() + 1, true, group));
                group = new java.util.ArrayList<>();
            }
            steps.add(new PlanStep(steps.size() + 1, false, List.of(statement)));
        }
        if (!group.isEmpty()) {
            steps.add(new PlanStep(steps.size() + 1, true, group));
        }
        return List.copyOf(steps);
    }
}
