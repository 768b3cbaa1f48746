package dev.planetary.kernel.plan;

import java.util.List;
import java.util.Objects;

/**
 * What a change will do: the statements in order, the inverse plan (empty when it cannot be derived
 * from the spec, with {@code inverseNote} saying why), the objects it touches, its risk level with
 * the reasons, and lint findings for reviewers.
 */
public record Plan(
        String summary,
        List<Statement> statements,
        List<Statement> inverse,
        String inverseNote,
        List<ObjectRef> touches,
        RiskLevel risk,
        List<String> riskReasons,
        List<LintFinding> findings) {

    public Plan {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(risk, "risk");
        statements = List.copyOf(statements);
        inverse = inverse == null ? List.of() : List.copyOf(inverse);
        touches = List.copyOf(touches);
        riskReasons = riskReasons == null ? List.of() : List.copyOf(riskReasons);
        findings = findings == null ? List.of() : List.copyOf(findings);
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
