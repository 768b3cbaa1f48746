package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.replication.PublicationFacts.TableIdentity;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.replication.ReplicaIdentity;
import dev.planetary.kernel.spec.Hostile;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.sql;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

/** The publication kinds' SQL with hostile names, and the replica identity checks that refuse a table before review. */
class PublicationSpecsTest {

    private static final Identifier NAME = Identifier.of("feed\"; DROP TABLE t; --");
    private static final QualifiedName ORDERS = QualifiedName.of("app", "orders");
    private static final List<String> EVERY = List.of("insert", "update", "delete", "truncate");

    private static TableIdentity keyed(QualifiedName table) {
        return new TableIdentity(table, ReplicaIdentity.of("d", List.of("id")), List.of("id", "Region", "note"));
    }

    private static final PublicationFacts NONE = PublicationFacts.none(List.of(keyed(Hostile.TABLE), keyed(ORDERS),
            new TableIdentity(QualifiedName.of("app", "log"), ReplicaIdentity.of("d", List.of()), List.of("at", "line"))));

    @Test
    void create_quotes_every_name_keeps_the_filter_verbatim_and_drops_it_as_its_inverse() {
        PublicationTable table = new PublicationTable(Hostile.TABLE, List.of(Identifier.of("id"), Identifier.of("Region")), sql("id > 0"));
        Plan plan = new CreatePublicationSpec(NAME, List.of(table, new PublicationTable(ORDERS, null, null)), null, true, NONE).plan();
        assertThat(statements(plan)).containsExactly("CREATE PUBLICATION \"feed\"\"; DROP TABLE t; --\" FOR TABLE \"Mixed Case\".\"a\"\"b\""
                + " (\"id\", \"Region\") WHERE (id > 0), \"app\".\"orders\" WITH (publish = 'insert, update, delete, truncate',"
                + " publish_via_partition_root = true)");
        assertThat(inverse(plan)).containsExactly("DROP PUBLICATION \"feed\"\"; DROP TABLE t; --\"");
        assertThat(plan.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(plan.effects()).extracting(e -> e.display()).containsExactly("publication \"feed\"\"; DROP TABLE t; --\"");
    }

    @Test
    void a_table_whose_updates_would_fail_is_refused_with_the_reason() {
        assertViolation("tables[0]", () -> new CreatePublicationSpec(NAME, List.of(new PublicationTable(QualifiedName.of("app", "log"),
                null, null)), EVERY, false, NONE));
        // inserts only: no identity needed
        new CreatePublicationSpec(NAME, List.of(new PublicationTable(QualifiedName.of("app", "log"), null, null)), List.of("insert"), false,
                NONE);
        assertViolation("tables[0]", () -> new CreatePublicationSpec(NAME, List.of(new PublicationTable(ORDERS,
                List.of(Identifier.of("note")), null)), EVERY, false, NONE));
        assertViolation("tables[0]", () -> new CreatePublicationSpec(NAME, List.of(new PublicationTable(ORDERS, null,
                sql("\"Region\" = 'eu'"))), EVERY, false, NONE));
        // a column named in a string is not read by the filter
        new CreatePublicationSpec(NAME, List.of(new PublicationTable(ORDERS, null, sql("id <> length('note')"))), EVERY, false, NONE);
        assertViolation("tables[0].table", () -> new CreatePublicationSpec(NAME, List.of(new PublicationTable(
                QualifiedName.of("app", "nowhere"), null, null)), EVERY, false, NONE));
        assertViolation("operations", () -> new CreatePublicationSpec(NAME, List.of(new PublicationTable(ORDERS, null, null)),
                List.of("insert", "merge"), false, null));
        assertViolation("tables[1].table", () -> new CreatePublicationSpec(NAME, List.of(new PublicationTable(ORDERS, null, null),
                new PublicationTable(ORDERS, null, null)), null, false, null));
    }

    @Test
    void alter_adds_drops_and_sets_operations_and_its_inverse_puts_each_back_as_it_was() {
        PublicationTable published = new PublicationTable(ORDERS, List.of(Identifier.of("id")), sql("id > 10"));
        PublicationFacts facts = new PublicationFacts(true, false, List.of("insert"), false, List.of(published), NONE.identities());
        Plan plan = new AlterPublicationSpec(NAME, List.of(new PublicationTable(Hostile.TABLE, null, null)), List.of(ORDERS),
                List.of("insert", "delete"), facts).plan();
        String name = "\"feed\"\"; DROP TABLE t; --\"";
        assertThat(statements(plan)).containsExactly("ALTER PUBLICATION " + name + " ADD TABLE \"Mixed Case\".\"a\"\"b\"",
                "ALTER PUBLICATION " + name + " DROP TABLE \"app\".\"orders\"",
                "ALTER PUBLICATION " + name + " SET (publish = 'insert, delete')");
        assertThat(inverse(plan)).containsExactly("ALTER PUBLICATION " + name + " SET (publish = 'insert')",
                "ALTER PUBLICATION " + name + " ADD TABLE \"app\".\"orders\" (\"id\") WHERE (id > 10)",
                "ALTER PUBLICATION " + name + " DROP TABLE \"Mixed Case\".\"a\"\"b\"");
        assertThat(plan.summary()).isEqualTo("Alter publication feed\"; DROP TABLE t; --: add Mixed Case.a\"b; drop app.orders;"
                + " publish insert, delete");
    }

    @Test
    void alter_refuses_what_does_not_match_the_publication() {
        PublicationTable published = new PublicationTable(ORDERS, null, sql("\"Region\" = 'eu'"));
        PublicationFacts facts = new PublicationFacts(true, false, List.of("insert"), false, List.of(published), NONE.identities());
        assertViolation("addTables[0].table", () -> new AlterPublicationSpec(NAME, List.of(new PublicationTable(ORDERS, null, null)),
                null, null, facts));
        assertViolation("dropTables[0]", () -> new AlterPublicationSpec(NAME, null, List.of(Hostile.TABLE), null, facts));
        // publishing deletes too: the kept table's filter reads a column outside its identity
        assertViolation("operations", () -> new AlterPublicationSpec(NAME, null, null, EVERY, facts));
        assertViolation("name", () -> new AlterPublicationSpec(NAME, null, null, EVERY, NONE));
        assertViolation("addTables", () -> new AlterPublicationSpec(NAME, null, null, null, null));
    }

    @Test
    void drop_creates_it_again_from_its_definition_unless_it_publishes_all_tables() {
        PublicationTable published = new PublicationTable(Hostile.TABLE, null, sql("id > 0"));
        Plan plan = new DropPublicationSpec(NAME, new PublicationFacts(true, false, List.of("insert", "update"), false, List.of(published),
                List.of())).plan();
        assertThat(statements(plan)).containsExactly("DROP PUBLICATION \"feed\"\"; DROP TABLE t; --\"");
        assertThat(inverse(plan)).containsExactly("CREATE PUBLICATION \"feed\"\"; DROP TABLE t; --\" FOR TABLE \"Mixed Case\".\"a\"\"b\""
                + " WHERE (id > 0) WITH (publish = 'insert, update')");
        Plan all = new DropPublicationSpec(NAME, new PublicationFacts(true, true, EVERY, false, List.of(), List.of())).plan();
        assertThat(all.inverse()).isEmpty();
        assertThat(all.inverseNote()).contains("superuser");
        assertViolation("name", () -> new DropPublicationSpec(NAME, NONE));
    }
}
