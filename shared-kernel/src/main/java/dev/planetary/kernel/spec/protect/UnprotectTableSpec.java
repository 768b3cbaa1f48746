package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.ProposalFacts;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.plan.Statement;

/**
 * "Unprotect": the inverse of an applied protection. It carries the protection it undoes (with the
 * facts recorded then), so its plan is exactly that protection's inverse: the views, triggers,
 * functions and policies go, the table's former policies, row-security settings and grants return.
 * {@code protectedBy} is the change that applied the protection.
 */
public record UnprotectTableSpec(String protectedBy, ProtectTableSpec protection) implements ChangeSpec {

    public static final String KIND = "unprotect-table";

    public UnprotectTableSpec {
        if (protectedBy == null || protectedBy.isBlank()) {
            throw new SpecViolation("protectedBy", "name the change that protected the table");
        }
    }

    /** The same request with the protection it refers to, as recorded in that change. */
    public UnprotectTableSpec withProtection(ProtectTableSpec protection) {
        return new UnprotectTableSpec(protectedBy, SpecViolation.required("protection", protection));
    }

    /** Reads the protection from the applied change {@code protectedBy} names. */
    public UnprotectTableSpec withAppliedProtection(ProposalFacts world) {
        if (!(world.appliedSpec(protectedBy, "protectedBy") instanceof ProtectTableSpec protection)) {
            throw new SpecViolation("protectedBy", "change " + protectedBy + " is not a protection of a table");
        }
        return withProtection(protection);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        if (protection == null) {
            throw new SpecViolation("protectedBy", "the protection is read from change " + protectedBy + " first");
        }
        Plan protect = protection.plan();
        PlanBuilder plan = PlanBuilder.summarised("Unprotect " + protection.table().display()
                + ", undoing change " + protectedBy + ": its views go and its former grants, policies and row security return");
        protect.inverse().stream().map(Statement::sql).forEach(plan::statement);
        protect.statements().stream().map(Statement::sql).forEach(plan::inverse);
        protect.touches().forEach(plan::touches);
        protect.effects().forEach(plan::changes);
        plan.highRisk("drops the views clients use: every client of " + protection.table().display()
                + " must go back to the table itself");
        return plan.build();
    }
}
