package dev.planetary.kernel.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects the parts of a {@link Plan} while a renderer walks a spec. */
public final class PlanBuilder {

    private final String summary;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Statement> inverse = new ArrayList<>();
    private String inverseNote;
    private final List<ObjectRef> touches = new ArrayList<>();
    private RiskLevel risk = RiskLevel.LOW;
    private final List<String> riskReasons = new ArrayList<>();
    private final List<LintFinding> findings = new ArrayList<>();
    private final List<CatalogEffect> effects = new ArrayList<>();
    private boolean dropsDependents;

    private PlanBuilder(String summary) {
        this.summary = summary;
    }

    public static PlanBuilder summarised(String summary) {
        return new PlanBuilder(summary);
    }

    public PlanBuilder statement(String sql) {
        statements.add(Statement.of(sql));
        return this;
    }

    /** A statement PostgreSQL runs only outside a transaction block: it becomes a step of its own. */
    public PlanBuilder statementOutsideTransaction(String sql, OutsideTransaction how) {
        statements.add(Statement.outsideTransaction(sql, how));
        return this;
    }

    public PlanBuilder inverseOutsideTransaction(String sql, OutsideTransaction how) {
        inverse.add(Statement.outsideTransaction(sql, how));
        return this;
    }

    /** A statement holding a secret: {@code sql} shows {@link Statement#SECRET} where the executor puts it. */
    public PlanBuilder statementWithCredential(String sql, String credential) {
        statements.add(Statement.withCredential(sql, credential));
        return this;
    }

    public PlanBuilder inverse(String sql) {
        inverse.add(Statement.of(sql));
        return this;
    }

    /** Said beside an inverse that exists: what it does not bring back. */
    public PlanBuilder inverseNote(String note) {
        inverseNote = note;
        return this;
    }

    public PlanBuilder noInverse(String why) {
        inverse.clear();
        inverseNote = why;
        return this;
    }

    public PlanBuilder touches(ObjectRef ref) {
        if (!touches.contains(ref)) {
            touches.add(ref);
        }
        return this;
    }

    /** Declares a part of the catalog the plan's statements may change. */
    public PlanBuilder changes(CatalogEffect effect) {
        if (!effects.contains(effect)) {
            effects.add(effect);
        }
        return this;
    }

    /** The plan drops with CASCADE, or drops an object that takes its indexes and owned sequences along. */
    public PlanBuilder dropsDependents() {
        dropsDependents = true;
        return this;
    }

    public PlanBuilder highRisk(String reason) {
        risk = RiskLevel.HIGH;
        riskReasons.add(reason);
        return this;
    }

    public PlanBuilder finding(LintFinding finding) {
        findings.add(finding);
        return this;
    }

    public Plan build() {
        return new Plan(summary, statements, inverse, inverseNote, touches, risk, riskReasons, findings, effects, dropsDependents);
    }
}
