package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.TableFacts;

import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Protect this table": one change that turns a raw table into the Planetary contract. Nobody but
 * the owner keeps direct access; named views in the table's schema become the only way in, each
 * with its own columns and masks; writes go through INSTEAD OF triggers and the requester's
 * validation functions; row-level policies on the table decide which rows every view shows and
 * accepts. {@code facts} are the catalog's facts about the table, filled in by Planetary before
 * the change is recorded (null only in a request); {@link ProtectionPlan} explains the SQL.
 */
public record ProtectTableSpec(QualifiedName table, List<AccessView> views, List<RowPolicy> policies,
                               TableFacts facts) implements ChangeSpec {

    public static final String KIND = "protect-table";

    public ProtectTableSpec {
        SpecViolation.required("table", table);
        if (views == null || views.isEmpty()) {
            throw new SpecViolation("views", "a protected table needs at least one view to be reached through");
        }
        views = SpecViolation.noNulls("views", views);
        policies = policies == null ? List.of() : SpecViolation.noNulls("policies", policies);
        Set<Identifier> viewNames = new HashSet<>();
        for (int i = 0; i < views.size(); i++) {
            Identifier name = views.get(i).name();
            if (name.equals(table.name())) {
                throw new SpecViolation("views[" + i + "].name", "a view cannot take the table's own name");
            }
            if (!viewNames.add(name)) {
                throw new SpecViolation("views[" + i + "].name", name.name() + " is used by two views");
            }
        }
        Set<Identifier> policyNames = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            if (!policyNames.add(policies.get(i).name())) {
                throw new SpecViolation("policies[" + i + "].name", policies.get(i).name().name() + " is used twice");
            }
        }
        if (facts != null) {
            ProtectionPlan.check(table, views, facts);
        }
    }

    /** The same request with the catalog's facts, checked against them. */
    public ProtectTableSpec withFacts(TableFacts facts) {
        return new ProtectTableSpec(table, views, policies, SpecViolation.required("facts", facts));
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
        return new ProtectionPlan(this).build();
    }
}
