package dev.planetary.kernel.plan;

import java.util.List;
import java.util.Objects;

/**
 * What a change will do: the statements in order, the inverse plan (empty when it cannot be derived
 * from the spec, with {@code inverseNote} saying why), the objects it touches, its risk level with
 * the reasons, and lint findings for reviewers. {@code effects} are the parts of the catalog it may
 * change (anything else changed refuses it); {@code dropsDependents} when it drops with CASCADE, or
 * drops an object whose indexes and owned sequences go with it: then objects may also disappear
 * and definitions lose what depended on the dropped object, but nothing may appear or be granted.
 */
public record Plan(
        String summary,
        List<Statement> statements,
        List<Statement> inverse,
        String inverseNote,
        List<ObjectRef> touches,
        RiskLevel risk,
        List<String> riskReasons,
        List<LintFinding> findings,
        List<CatalogEffect> effects,
        boolean dropsDependents) {

    public Plan {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(risk, "risk");
        statements = List.copyOf(statements);
        inverse = inverse == null ? List.of() : List.copyOf(inverse);
        touches = List.copyOf(touches);
        riskReasons = riskReasons == null ? List.of() : List.copyOf(riskReasons);
        findings = findings == null ? List.of() : List.copyOf(findings);
        // A plan recorded before effects were declared has none: the catalog guard then refuses any change.
        effects = effects == null ? List.of() : List.copyOf(effects);
    }

    /** The statements as the executor runs them: transactional groups and steps outside a transaction. */
    public List<PlanStep> steps() {
        return PlanStep.of(statements);
    }

    /** Whether any statement must run outside a transaction (the plan then runs step by step). */
    public boolean runsOutsideTransaction() {
        return statements.stream().anyMatch(statement -> !statement.transactional());
    }

    public boolean hasInverse() {
        return !inverse.isEmpty();
    }

    /** The statements as one script, as reviewers read it. */
    public String script() {
        return join(statements);
    }

    public String inverseScript() {
        return join(inverse);
    }

    private static String join(List<Statement> statements) {
        StringBuilder out = new StringBuilder();
        for (Statement statement : statements) {
            out.append(statement.sql()).append(";\n");
        }
        return out.toString();
    }
}
