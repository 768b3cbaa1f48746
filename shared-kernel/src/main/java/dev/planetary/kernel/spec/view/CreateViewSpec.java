package dev.planetary.kernel.spec.view;

import dev.planetary.kernel.ddl.AlterOwner;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.ddl.CreateView;
import dev.planetary.kernel.ddl.Drop;
import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A view over one table, built column by column (as stored, masked, or through a function), with
 * its grants. With {@code replace} it edits an existing view (CREATE OR REPLACE, so PostgreSQL
 * only allows adding columns at the end). The view is owned by the table's owner, like the
 * access points of a protected table. {@code facts} are the source table's, read by Planetary.
 * <p>
 * Row security and views: by default a view reads its table as its owner, so when the owner is
 * exempt from the table's policies (row security enabled but not forced) every caller sees every
 * row; {@code securityInvoker} makes PostgreSQL check the caller instead, who then needs
 * privileges on the table itself. Both cases are flagged for reviewers.
 */
public record CreateViewSpec(QualifiedName name, QualifiedName source, List<ViewColumn> columns, boolean securityBarrier,
                             boolean securityInvoker, List<Grantee> grantees, boolean replace, String comment,
                             TableFacts facts) implements ChangeSpec {

    public static final String KIND = "create-view";

    public CreateViewSpec {
        SpecViolation.required("name", name);
        SpecViolation.required("source", source);
        if (name.equals(source)) {
            throw new SpecViolation("name", "a view cannot take its table's name");
        }
        if (columns == null || columns.isEmpty()) {
            throw new SpecViolation("columns", "a view shows at least one column");
        }
        columns = SpecViolation.noNulls("columns", columns);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!seen.add(columns.get(i).name())) {
                throw new SpecViolation("columns[" + i + "].name", columns.get(i).name().name() + " is listed twice");
            }
        }
        grantees = grantees == null ? List.of() : SpecViolation.noNulls("grantees", grantees).stream().distinct().toList();
        comment = comment == null || comment.isBlank() ? null : SpecViolation.sendable("comment", comment.strip(), "a comment");
        if (facts != null) {
            Redactions.checkColumns("columns", columns, source, facts);
        }
    }

    public CreateViewSpec withFacts(TableFacts facts) {
        return new CreateViewSpec(name, source, columns, securityBarrier, securityInvoker, grantees, replace, comment,
                SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        if (facts == null) {
            throw new SpecViolation("facts", "the table's facts are read from the catalog before the plan is made");
        }
        List<CreateView.Option> options = new ArrayList<>();
        if (securityBarrier) {
            options.add(CreateView.Option.SECURITY_BARRIER);
        }
        if (securityInvoker) {
            options.add(CreateView.Option.SECURITY_INVOKER);
        }
        PlanBuilder plan = PlanBuilder.summarised((replace ? "Replace" : "Create") + " view " + name.display() + " over "
                        + source.display() + " showing " + columns.size() + " column(s)"
                        + (grantees.isEmpty() ? "" : ", for " + String.join(", ", grantees.stream().map(Grantee::display).toList())))
                .touches(ObjectRef.table(name))
                .touches(ObjectRef.table(source))
                .changes(CatalogEffect.relation(name))
                .changes(CatalogEffect.relationPrivileges(name));
        Redactions.install(plan, columns);
        plan.statement(new CreateView(replace, name, options, Redactions.selectList(columns, facts), source).sql());
        plan.statement(new AlterOwner(AlterOwner.Kind.VIEW, name.quoted(), facts.owner()).sql());
        if (comment != null) {
            plan.statement(new CommentOn(CommentOn.Target.VIEW, name, null, List.of(), comment).sql());
        }
        if (!grantees.isEmpty()) {
            plan.statement(Grant.grant(List.of(Grant.Privilege.of("SELECT")), Grant.Target.RELATION, name.quoted(), grantees).sql());
        }
        if (replace) {
            plan.noInverse("the view's previous definition is not part of this change");
            plan.highRisk("replaces a view clients may rely on");
        } else {
            plan.inverse(new Drop(Drop.Kind.VIEW, name.quoted(), false).sql());
        }
        lint(plan);
        return plan.build();
    }

    private void lint(PlanBuilder plan) {
        if (!securityInvoker && facts.rlsEnabled() && !facts.rlsForced()) {
            plan.finding(LintFinding.warning("view-bypasses-rls", "the view reads " + source.display() + " as its owner "
                    + facts.owner().name() + ", who is exempt from its policies (row security is not forced):"
                    + " every caller sees every row. Force row security, or use security_invoker"));
            plan.highRisk("bypasses the row-level security of " + source.display());
        }
        if (!securityInvoker && facts.ownerBypassesRls() && facts.rlsEnabled()) {
            plan.finding(LintFinding.warning("owner-bypasses-rls", "the owner " + facts.owner().name()
                    + " is a superuser or has BYPASSRLS: no policy applies through this view"));
        }
        if (securityInvoker) {
            plan.finding(LintFinding.info("security-invoker", "callers need their own privileges on " + source.display()
                    + "; its policies apply to them"));
        }
        if (!securityBarrier && !securityInvoker && columns.stream().anyMatch(c -> !c.plain())) {
            plan.finding(LintFinding.info("masked-without-barrier",
                    "the view masks columns; security_barrier keeps callers' functions from running before its own conditions"));
        }
        if (grantees.contains(Grantee.PUBLIC)) {
            plan.finding(LintFinding.warning("grant-to-public", "PUBLIC means every role, including roles created later"));
        }
    }
}
