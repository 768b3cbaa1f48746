package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.ddl.PublicationDdl;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;

/**
 * Drops a publication: its subscribers' apply workers then fail until their subscriptions are changed or dropped.
 * The inverse creates it again as {@code facts} (read at proposal) describe it, tables, column lists, row
 * filters and operations; not one FOR ALL TABLES or FOR TABLES IN SCHEMA (a superuser's to create).
 */
public record DropPublicationSpec(Identifier name, PublicationFacts facts) implements ChangeSpec {

    public static final String KIND = "drop-publication";

    public DropPublicationSpec {
        SpecViolation.required("name", name);
        if (facts != null && !facts.exists()) {
            throw new SpecViolation("name", "there is no publication named " + name.name());
        }
    }

    public DropPublicationSpec withFacts(PublicationFacts facts) {
        return new DropPublicationSpec(name, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        PlanBuilder plan = PlanBuilder.summarised("Drop publication " + name.name())
                .changes(CatalogEffect.publication(name))
                .touches(ObjectRef.publication(name))
                .statement(PublicationDdl.drop(name))
                .highRisk("its subscribers stop receiving changes: their apply workers fail until the subscriptions are changed");
        if (facts == null) {
            plan.noInverse("the publication's definition is read from the catalog when the drop is proposed");
        } else if (facts.allTables() || facts.tables().isEmpty()) {
            plan.noInverse("a publication of all tables (or of schemas) is a superuser's to create again");
        } else {
            plan.inverse(PublicationDdl.create(name, facts.tables(), facts.operations(), facts.viaRoot()));
            PublicationText.refs(facts.tables()).forEach(plan::touches);
        }
        return plan.build();
    }
}
