package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Introspector.dropCascade} against PostgreSQL itself: every object a real
 * {@code DROP ... CASCADE} names in its notices (run in a transaction that is rolled back) is in the
 * preview, and everything in the preview is really gone after that DROP.
 */
class DropCascadeIT {

    private static final String SCHEMA = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.product (id int PRIMARY KEY, name text NOT NULL, price numeric CHECK (price >= 0));
            CREATE INDEX product_name_idx ON shop.product (name);
            CREATE FUNCTION shop.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER product_touch BEFORE UPDATE ON shop.product FOR EACH ROW EXECUTE FUNCTION shop.noop();
            ALTER TABLE shop.product ENABLE ROW LEVEL SECURITY;
            CREATE POLICY product_visible ON shop.product USING (price > 0);
            CREATE TABLE shop.line (id int PRIMARY KEY, product_id int REFERENCES shop.product (id));
            CREATE VIEW shop.cheap AS SELECT * FROM shop.product WHERE price < 10;
            CREATE VIEW shop.cheap_names AS SELECT name FROM shop.cheap;
            CREATE VIEW shop."Cheap Names, Upper" AS SELECT upper(name) AS name FROM shop.cheap_names;
            -- what hangs on the table's row type, not on the table: a function taking it, a column of its array type
            CREATE FUNCTION shop.label(p shop.product) RETURNS text LANGUAGE sql AS $$ SELECT p.name $$;
            CREATE TABLE shop.basket (id int, items shop.product[]);

            CREATE FUNCTION shop.discount(v numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT v * 0.9 $$;
            CREATE VIEW shop.discounted AS SELECT id, shop.discount(price) AS price FROM shop.product;
            CREATE VIEW shop.discounted_top AS SELECT * FROM shop.discounted WHERE price > 100;
            CREATE TABLE shop.offer (
                id int PRIMARY KEY,
                base numeric DEFAULT shop.discount(1),
                net numeric GENERATED ALWAYS AS (shop.discount(base)) STORED,
                CONSTRAINT offer_positive CHECK (shop.discount(base) > 0)
            );
            CREATE INDEX offer_discount_idx ON shop.offer (shop.discount(base));
            CREATE POLICY offer_policy ON shop.offer USING (shop.discount(base) > 1);
            """;

    private static CatalogFixture fixture;
    private static Introspector engine;

    @BeforeAll
    static void load() {
        fixture = CatalogFixture.create("drop_cascade", SCHEMA);
        engine = fixture.metaEngine();
    }

    @Test
    void a_table_takes_its_views_in_a_chain_its_policy_trigger_index_and_the_foreign_key_to_it() throws SQLException {
        List<Catalog.Dependent> preview = engine.dropCascade("pg_class", fixture.regclass("shop.product"));
        Dropped dropped = drop("DROP TABLE shop.product CASCADE");

        assertThat(dropped.named()).containsExactlyInAnyOrder(
                "view shop.cheap", "view shop.cheap_names", "view shop.\"Cheap Names, Upper\"", "view shop.discounted",
                "view shop.discounted_top", "constraint line_product_id_fkey on table shop.line",
                "function shop.label(shop.product)", "column items of table shop.basket");
        assertThat(descriptions(preview)).containsAll(dropped.named());
        // dropped with the table without a notice, and in the preview all the same
        assertThat(descriptions(preview)).contains("index shop.product_name_idx", "trigger product_touch on table shop.product",
                "policy product_visible on table shop.product", "constraint product_price_check on table shop.product");
        assertThat(descriptions(preview)).isSubsetOf(dropped.gone());

        Catalog.Dependent chainEnd = preview.stream().filter(d -> d.name() != null && d.name().equals("Cheap Names, Upper"))
                .findFirst().orElseThrow();
        assertThat(chainEnd).isEqualTo(new Catalog.Dependent("view", "shop", "Cheap Names, Upper", "shop.\"Cheap Names, Upper\"",
                "view shop.\"Cheap Names, Upper\"", 6));
        assertThat(preview).filteredOn(d -> d.description().equals("view shop.cheap")).extracting(Catalog.Dependent::depth)
                .containsExactly(2);
    }

    @Test
    void a_view_takes_the_views_built_on_it() throws SQLException {
        List<Catalog.Dependent> preview = engine.dropCascade("pg_class", fixture.regclass("shop.cheap"));
        Dropped dropped = drop("DROP VIEW shop.cheap CASCADE");

        assertThat(dropped.named()).containsExactlyInAnyOrder("view shop.cheap_names", "view shop.\"Cheap Names, Upper\"");
        assertThat(descriptions(preview)).containsExactlyInAnyOrderElementsOf(dropped.named());
    }

    @Test
    void a_function_takes_the_views_defaults_generated_columns_checks_indexes_and_policies_using_it() throws SQLException {
        List<Catalog.Dependent> preview = engine.dropCascade("pg_proc", fixture.regprocedure("shop.discount(numeric)"));
        Dropped dropped = drop("DROP FUNCTION shop.discount(numeric) CASCADE");

        assertThat(dropped.named()).containsExactlyInAnyOrder(
                "view shop.discounted", "view shop.discounted_top", "default value for column base of table shop.offer",
                "column net of table shop.offer", "constraint offer_positive on table shop.offer", "index shop.offer_discount_idx",
                "policy offer_policy on table shop.offer");
        assertThat(descriptions(preview)).containsAll(dropped.named());
        // only the generated column goes, not its table
        assertThat(descriptions(preview)).isSubsetOf(dropped.gone()).doesNotContain("table shop.offer");
    }

    @Test
    void a_single_dependent_is_named_in_the_notice_itself() throws SQLException {
        List<Catalog.Dependent> preview = engine.dropCascade("pg_class", fixture.regclass("shop.cheap_names"));
        Dropped dropped = drop("DROP VIEW shop.cheap_names CASCADE");

        assertThat(dropped.named()).containsExactly("view shop.\"Cheap Names, Upper\"");
        assertThat(preview).containsExactly(new Catalog.Dependent("view", "shop", "Cheap Names, Upper",
                "shop.\"Cheap Names, Upper\"", "view shop.\"Cheap Names, Upper\"", 2));
    }

    /** What PostgreSQL named in its notices, and what is gone (described as pg_describe_object does). */
    private record Dropped(List<String> named, Set<String> gone) {
    }

    /** Runs {@code drop} as the superuser in a transaction that is rolled back. */
    private static Dropped drop(String drop) throws SQLException {
        try (Connection connection = fixture.server().connect(fixture.database())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                Set<String> before = objects(statement);
                statement.execute(drop);
                List<String> named = notices(statement.getWarnings());
                Set<String> gone = new HashSet<>(before);
                gone.removeAll(objects(statement));
                return new Dropped(named, gone);
            } finally {
                connection.rollback();
            }
        }
    }

    /** "drop cascades to X" lines: in the message for one object, in the detail for several. */
    private static List<String> notices(SQLWarning warning) {
        List<String> named = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            List<String> lines = new ArrayList<>();
            if (w instanceof PSQLWarning psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                lines.add(message.getMessage());
                if (message.getDetail() != null) {
                    lines.addAll(message.getDetail().lines().toList());
                }
            } else {
                lines.addAll(w.getMessage().lines().toList());
            }
            for (String line : lines) {
                if (line.startsWith("drop cascades to ") && !line.matches("drop cascades to \\d+ other objects")) {
                    named.add(line.substring("drop cascades to ".length()));
                }
            }
        }
        return named;
    }

    /** Every object that depends on something or is depended on, described. */
    private static Set<String> objects(Statement statement) throws SQLException {
        Set<String> described = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("""
                SELECT pg_describe_object(o.classid, o.objid, o.objsubid)
                FROM (SELECT classid, objid, objsubid FROM pg_depend
                      UNION SELECT refclassid, refobjid, refobjsubid FROM pg_depend) o
                WHERE o.classid <> 0""")) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    described.add(rs.getString(1));
                }
            }
        }
        return described;
    }

    private static List<String> descriptions(List<Catalog.Dependent> dependents) {
        return dependents.stream().map(Catalog.Dependent::description).toList();
    }
}
