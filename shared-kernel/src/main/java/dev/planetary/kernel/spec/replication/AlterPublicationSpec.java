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
import dev.planetary.kernel.sql.QualifiedName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes what a publication publishes: tables added (each with its column list and row filter), tables dropped,
 * the operations set anew ({@code operations} null: unchanged). Checked against {@code facts} read at proposal: the
 * publication exists and lists its tables (not FOR ALL TABLES), an added table is not published yet and a dropped one
 * is, and every table published afterwards keeps a replica identity its UPDATE and DELETE can use. The inverse drops
 * the added tables, adds the dropped ones back as they were and sets the operations back.
 */
public record AlterPublicationSpec(Identifier name, List<PublicationTable> addTables, List<QualifiedName> dropTables,
                                   List<String> operations, PublicationFacts facts) implements ChangeSpec {

    public static final String KIND = "alter-publication";

    public AlterPublicationSpec {
        SpecViolation.required("name", name);
        addTables = PublicationText.tables("addTables", addTables);
        dropTables = dropTables == null ? List.of() : List.copyOf(dropTables);
        operations = PublicationText.operations(operations);
        if (addTables.isEmpty() && dropTables.isEmpty() && operations == null) {
            throw new SpecViolation("addTables", "say what changes: tables to add, tables to drop or the operations");
        }
        Set<QualifiedName> added = new HashSet<>();
        addTables.forEach(t -> added.add(t.table()));
        for (int i = 0; i < dropTables.size(); i++) {
            if (added.contains(dropTables.get(i))) {
                throw new SpecViolation("dropTables[" + i + "]", dropTables.get(i).display() + " is both added and dropped");
            }
        }
        if (facts != null) {
            check(name, addTables, dropTables, operations, facts);
        }
    }

    private static void check(Identifier name, List<PublicationTable> add, List<QualifiedName> drop, List<String> operations,
                              PublicationFacts facts) {
        if (!facts.exists()) {
            throw new SpecViolation("name", "there is no publication named " + name.name());
        }
        if (facts.allTables() && (!add.isEmpty() || !drop.isEmpty())) {
            throw new SpecViolation(add.isEmpty() ? "dropTables" : "addTables",
                    name.name() + " publishes all tables (or whole schemas): its tables are not listed one by one");
        }
        for (int i = 0; i < add.size(); i++) {
            if (facts.published(add.get(i).table()).isPresent()) {
                throw new SpecViolation("addTables[" + i + "].table", name.name() + " publishes " + add.get(i).table().display() + " already");
            }
        }
        for (int i = 0; i < drop.size(); i++) {
            if (facts.published(drop.get(i)).isEmpty()) {
                throw new SpecViolation("dropTables[" + i + "]", name.name() + " does not publish " + drop.get(i).display());
            }
        }
        List<String> after = operations == null ? facts.operations() : operations;
        for (int i = 0; i < add.size(); i++) {
            PublicationText.requireIdentity("addTables[" + i + "]", add.get(i), after, facts);
        }
        if (operations != null) {
            // the tables staying are published for the new operations too
            for (PublicationTable kept : facts.tables()) {
                if (!drop.contains(kept.table()) && facts.identity(kept.table()).isPresent()) {
                    PublicationText.requireIdentity("operations", kept, after, facts);
                }
            }
        }
    }

    public AlterPublicationSpec withFacts(PublicationFacts facts) {
        return new AlterPublicationSpec(name, addTables, dropTables, operations, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        List<String> parts = new ArrayList<>();
        if (!addTables.isEmpty()) {
            parts.add("add " + String.join(", ", addTables.stream().map(t -> t.table().display()).toList()));
        }
        if (!dropTables.isEmpty()) {
            parts.add("drop " + String.join(", ", dropTables.stream().map(QualifiedName::display).toList()));
        }
        if (operations != null) {
            parts.add("publish " + String.join(", ", operations));
        }
        PlanBuilder plan = PlanBuilder.summarised("Alter publication " + name.name() + ": " + String.join("; ", parts))
                .changes(CatalogEffect.publication(name)).touches(ObjectRef.publication(name));
        if (!addTables.isEmpty()) {
            plan.statement(PublicationDdl.addTables(name, addTables))
                    .highRisk("publishes the rows of more tables to whichever subscriber connects with a replication login");
            PublicationText.refs(addTables).forEach(plan::touches);
        }
        if (!dropTables.isEmpty()) {
            plan.statement(PublicationDdl.dropTables(name, dropTables));
            dropTables.forEach(t -> plan.touches(ObjectRef.table(t)));
        }
        if (operations != null) {
            plan.statement(PublicationDdl.setOperations(name, operations));
        }
        inverse(plan);
        return plan.build();
    }

    private void inverse(PlanBuilder plan) {
        if (facts == null) {
            plan.noInverse("the publication's tables and operations are read from the catalog when the change is proposed");
            return;
        }
        if (operations != null) {
            plan.inverse(PublicationDdl.setOperations(name, facts.operations()));
        }
        if (!dropTables.isEmpty()) {
            plan.inverse(PublicationDdl.addTables(name, dropTables.stream().map(t -> facts.published(t).orElseThrow()).toList()));
        }
        if (!addTables.isEmpty()) {
            plan.inverse(PublicationDdl.dropTables(name, addTables.stream().map(PublicationTable::table).toList()));
        }
    }
}
