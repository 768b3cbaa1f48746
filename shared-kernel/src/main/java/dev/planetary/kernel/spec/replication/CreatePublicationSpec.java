package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.ddl.PublicationDdl;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;

import java.util.List;

/**
 * Publishes tables for logical replication: each with a column list and a row filter if it likes, for the
 * {@code operations} given (every one when none is), partitions through their root when {@code viaRoot}. Refused
 * when a table's UPDATE or DELETE would then fail (no usable replica identity, a column list without it, a row
 * filter reading other columns), from {@code facts} read at proposal. FOR ALL TABLES is left out: it needs a
 * superuser. The inverse drops the publication.
 */
public record CreatePublicationSpec(Identifier name, List<PublicationTable> tables, List<String> operations, boolean viaRoot,
                                    PublicationFacts facts) implements ChangeSpec {

    public static final String KIND = "create-publication";

    public CreatePublicationSpec {
        SpecViolation.required("name", name);
        tables = PublicationText.tables("tables", tables);
        if (tables.isEmpty()) {
            throw new SpecViolation("tables", "a publication publishes at least one table");
        }
        operations = operations == null ? PublicationDdl.OPERATIONS : PublicationText.operations(operations);
        if (facts != null) {
            if (facts.exists()) {
                throw new SpecViolation("name", "there is a publication named " + name.name() + " already");
            }
            for (int i = 0; i < tables.size(); i++) {
                PublicationText.requireIdentity("tables[" + i + "]", tables.get(i), operations, facts);
            }
        }
    }

    public CreatePublicationSpec withFacts(PublicationFacts facts) {
        return new CreatePublicationSpec(name, tables, operations, viaRoot, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Create publication " + name.name() + " of "
                        + String.join(", ", tables.stream().map(t -> t.table().display()).toList()) + " (" + String.join(", ", operations) + ")")
                .changes(CatalogEffect.publication(name))
                .touches(ObjectRef.publication(name))
                .statement(PublicationDdl.create(name, tables, operations, viaRoot))
                .inverse(PublicationDdl.drop(name))
                .highRisk("publishes the rows of " + tables.size() + (tables.size() == 1 ? " table" : " tables")
                        + " to whichever subscriber connects with a replication login");
        PublicationText.refs(tables).forEach(plan::touches);
        return plan.build();
    }
}
