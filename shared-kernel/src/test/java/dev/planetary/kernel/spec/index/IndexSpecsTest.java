package dev.planetary.kernel.spec.index;

import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.ddl.IndexMethod;
import dev.planetary.kernel.ddl.Reindex;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanStep;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.spec.IndexFacts;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.rules;
import static dev.planetary.kernel.spec.Hostile.sql;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class IndexSpecsTest {

    private static final Identifier NAME = Identifier.of("by \"status\"");
    private static final QualifiedName INDEX = QualifiedName.of("Mixed Case", "by \"status\"");

    @Test
    void a_concurrent_index_is_a_step_of_its_own_rehearsed_without_concurrently() {
        CreateIndexSpec spec = new CreateIndexSpec(TABLE, NAME, null,
                List.of(IndexKey.onColumn("Tenant\"Id"), IndexKey.onExpression("lower(email)").desc()),
                List.of(Identifier.of("amount")), sql("status = 'open' -- only open ones"), true, null);
        Plan plan = spec.plan();
        assertThat(statements(plan)).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY \"by \"\"status\"\"\" ON \"Mixed Case\".\"a\"\"b\""
                + " USING btree (\"Tenant\"\"Id\", (lower(email)) DESC) INCLUDE (\"amount\") WHERE (status = 'open' -- only open ones\n)");
        OutsideTransaction how = plan.statements().get(0).outside();
        assertThat(how.rehearsal()).isEqualTo("CREATE UNIQUE INDEX \"by \"\"status\"\"\" ON \"Mixed Case\".\"a\"\"b\""
                + " USING btree (\"Tenant\"\"Id\", (lower(email)) DESC) INCLUDE (\"amount\") WHERE (status = 'open' -- only open ones\n)");
        assertThat(how.index()).isEqualTo("\"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(how.leftover()).isEqualTo(OutsideTransaction.Leftover.INVALID_INDEX);
        assertThat(how.progress()).isEqualTo(OutsideTransaction.Progress.CREATE_INDEX);
        assertThat(plan.steps()).extracting(PlanStep::transactional).containsExactly(false);
        assertThat(inverse(plan)).containsExactly("DROP INDEX CONCURRENTLY \"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(plan.effects()).containsExactly(CatalogEffect.relation(INDEX), CatalogEffect.relationPrivileges(INDEX));
        assertThat(rules(plan)).contains("concurrently", "unique", "partial");
        assertThat(plan.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void without_concurrently_the_index_is_built_in_the_transaction_and_the_plan_warns_that_writes_wait() {
        Plan plan = new CreateIndexSpec(TABLE, NAME, IndexMethod.GIN, List.of(IndexKey.onExpression("to_tsvector('simple', body)")),
                null, null, false, false).plan();
        assertThat(statements(plan)).containsExactly("CREATE INDEX \"by \"\"status\"\"\" ON \"Mixed Case\".\"a\"\"b\" USING gin"
                + " ((to_tsvector('simple', body)))");
        assertThat(plan.runsOutsideTransaction()).isFalse();
        assertThat(plan.steps()).hasSize(1);
        assertThat(inverse(plan)).containsExactly("DROP INDEX \"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(rules(plan)).contains("blocks-writes");
    }

    @Test
    void what_an_access_method_cannot_do_is_refused_naming_the_field() {
        List<IndexKey> one = List.of(IndexKey.onColumn("a"));
        assertViolation("keys", () -> new CreateIndexSpec(TABLE, NAME, null, List.of(), null, null, false, null));
        assertViolation("unique", () -> new CreateIndexSpec(TABLE, NAME, IndexMethod.HASH, one, null, null, true, null));
        assertViolation("keys", () -> new CreateIndexSpec(TABLE, NAME, IndexMethod.HASH,
                List.of(IndexKey.onColumn("a"), IndexKey.onColumn("b")), null, null, false, null));
        assertViolation("include", () -> new CreateIndexSpec(TABLE, NAME, IndexMethod.BRIN, one,
                List.of(Identifier.of("b")), null, false, null));
        assertViolation("keys", () -> new CreateIndexSpec(TABLE, NAME, IndexMethod.GIST,
                List.of(IndexKey.onColumn("a").desc()), null, null, false, null));
        assertViolation("name", () -> new CreateIndexSpec(TABLE, null, null, one, null, null, false, null));
    }

    @Test
    void an_expression_or_predicate_that_smuggles_a_statement_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndexKey.onExpression("a); GRANT ALL ON t TO PUBLIC; SELECT (1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** As pg_get_indexdef prints the hostile index (PostgreSQL 15): the name unqualified, the table qualified. */
    private static final String DEFINITION = "CREATE UNIQUE INDEX \"by \"\"status\"\"\" ON \"Mixed Case\".\"a\"\"b\""
            + " USING btree (\"Tenant\"\"Id\", lower(email) DESC) WHERE (note = 'CREATE INDEX x; --'::text)";
    private static final IndexFacts PLAIN = new IndexFacts(DEFINITION, false, List.of());

    @Test
    void dropping_is_concurrent_unless_it_cascades_and_is_high_risk() {
        Plan concurrent = new DropIndexSpec(INDEX, null, false, PLAIN).plan();
        assertThat(statements(concurrent)).containsExactly("DROP INDEX CONCURRENTLY \"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(concurrent.statements().get(0).outside().rehearsal()).isEqualTo("DROP INDEX \"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(concurrent.risk()).isEqualTo(RiskLevel.HIGH);
        Plan cascade = new DropIndexSpec(INDEX, null, true, PLAIN).plan();
        assertThat(statements(cascade)).containsExactly("DROP INDEX \"Mixed Case\".\"by \"\"status\"\"\" CASCADE");
        assertThat(cascade.dropsDependents()).isTrue();
        assertViolation("cascade", () -> new DropIndexSpec(INDEX, true, true, null));
    }

    @Test
    void a_concurrent_drop_is_undone_by_building_the_definition_concurrently_as_a_step_of_its_own() {
        Plan plan = new DropIndexSpec(INDEX, true, false, PLAIN).plan();
        assertThat(inverse(plan)).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY \"by \"\"status\"\"\" ON \"Mixed Case\".\"a\"\"b\""
                + " USING btree (\"Tenant\"\"Id\", lower(email) DESC) WHERE (note = 'CREATE INDEX x; --'::text)");
        OutsideTransaction how = plan.inverse().get(0).outside();
        assertThat(plan.inverse().get(0).transactional()).isFalse();
        assertThat(how.rehearsal()).isEqualTo(DEFINITION);
        assertThat(how.index()).isEqualTo("\"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(how.leftover()).isEqualTo(OutsideTransaction.Leftover.INVALID_INDEX);
        assertThat(plan.inverseNote()).contains("comment, replica identity, CLUSTER mark and per-column statistics targets do not come back");
    }

    @Test
    void a_plain_drop_is_undone_by_the_definition_verbatim() {
        Plan plan = new DropIndexSpec(INDEX, false, false, new IndexFacts("CREATE INDEX \"i\"\"x\" ON \"Mixed Case\".\"a\"\"b\""
                + " USING gin (to_tsvector('simple'::regconfig, body))", false, List.of())).plan();
        assertThat(inverse(plan)).containsExactly("CREATE INDEX \"i\"\"x\" ON \"Mixed Case\".\"a\"\"b\""
                + " USING gin (to_tsvector('simple'::regconfig, body))");
        assertThat(plan.inverse().get(0).transactional()).isTrue();
    }

    @Test
    void an_index_a_constraint_needs_or_a_partitioned_one_has_no_inverse_and_says_why() {
        Plan constraint = new DropIndexSpec(INDEX, false, true, new IndexFacts(DEFINITION, false,
                List.of("constraint by \"status\" on table \"Mixed Case\".\"a\"\"b\""))).plan();
        assertThat(constraint.hasInverse()).isFalse();
        assertThat(constraint.inverseNote()).startsWith("constraint by \"status\" on table").contains("re-add the constraint");
        Plan partitioned = new DropIndexSpec(INDEX, false, false, new IndexFacts(DEFINITION.replace(" ON ", " ON ONLY "), true,
                List.of())).plan();
        assertThat(partitioned.hasInverse()).isFalse();
        assertThat(partitioned.inverseNote()).contains("partitions");
        Plan unread = new DropIndexSpec(INDEX, null, false, null).plan();
        assertThat(unread.hasInverse()).isFalse();
        assertThat(unread.inverseNote()).contains("read from the catalog");
    }

    @Test
    void a_definition_that_is_not_one_create_index_statement_is_refused() {
        assertViolation("facts.definition", () -> new IndexFacts("DROP TABLE x", false, List.of()));
        assertViolation("facts.definition", () -> new IndexFacts("CREATE INDEX i ON t (a); DROP TABLE t", false, List.of()));
        assertViolation("facts.definition", () -> new IndexFacts("CREATE INDEX i ON t (a) WHERE (b = 'open", false, List.of()));
        assertViolation("facts.definition", () -> new IndexFacts(null, false, List.of()));
        assertViolation("facts", () -> new DropIndexSpec(INDEX, null, false, null).withFacts(null));
    }

    @Test
    void reindexing_concurrently_cleans_up_its_copies_after_a_failure() {
        Plan index = new ReindexSpec(null, INDEX, null).plan();
        assertThat(statements(index)).containsExactly("REINDEX INDEX CONCURRENTLY \"Mixed Case\".\"by \"\"status\"\"\"");
        assertThat(index.statements().get(0).outside().leftover()).isEqualTo(OutsideTransaction.Leftover.REINDEX_COPIES);
        assertThat(index.statements().get(0).outside().rehearsal()).isEqualTo("REINDEX INDEX \"Mixed Case\".\"by \"\"status\"\"\"");
        Plan table = new ReindexSpec(Reindex.Target.TABLE, TABLE, false).plan();
        assertThat(statements(table)).containsExactly("REINDEX TABLE \"Mixed Case\".\"a\"\"b\"");
        assertThat(rules(table)).contains("blocks-writes");
    }
}
