package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog.Argument;
import dev.planetary.kernel.catalog.Catalog.ArgumentMode;
import dev.planetary.kernel.catalog.Catalog.ConstraintKind;
import dev.planetary.kernel.catalog.Catalog.ForeignKeyAction;
import dev.planetary.kernel.catalog.Catalog.Identity;
import dev.planetary.kernel.catalog.Catalog.ObjectName;
import dev.planetary.kernel.catalog.Catalog.PrivilegeObject;
import dev.planetary.kernel.catalog.Catalog.RelationKind;
import dev.planetary.kernel.catalog.Catalog.RoutineKind;
import dev.planetary.kernel.catalog.Catalog.TriggerEnabled;
import dev.planetary.kernel.catalog.Catalog.TypeKind;
import dev.planetary.kernel.catalog.Catalog.Volatility;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.trigger.TriggerLevel;
import dev.planetary.kernel.spec.trigger.TriggerTiming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introspection engine over catalog-fixture.sql, connected like the application (the metadata
 * role, which may read no table): every object kind, every field of every record, by hand.
 */
class IntrospectionIT {

    private static CatalogFixture fixture;
    private static Introspector engine;
    private static Catalog.Snapshot snapshot;
    private static String su;
    private static String slot;

    @BeforeAll
    static void load() {
        fixture = CatalogFixture.load("introspection");
        su = fixture.server().superuser();
        // slots are cluster-wide: one of our own, dropped again at the end
        slot = "insp_slot_" + fixture.database();
        fixture.superJdbc().sql("SELECT pg_create_physical_replication_slot(?)").param(slot).query().singleRow();
        engine = fixture.metaEngine();
        snapshot = engine.snapshot();
    }

    @AfterAll
    static void dropSlot() {
        if (slot != null) {
            fixture.superJdbc().sql("SELECT pg_drop_replication_slot(?)").param(slot).query().singleRow();
        }
    }

    @Test
    void schemas_and_tables() {
        assertThat(snapshot.takenAt()).isEqualTo(CatalogFixture.NOW);
        assertThat(snapshot.schemas()).containsExactlyInAnyOrder(
                new Catalog.Schema(fixture.oid("SELECT oid FROM pg_namespace WHERE nspname = 'Mixed Case'"), "Mixed Case", su, null),
                new Catalog.Schema(fixture.oid("SELECT oid FROM pg_namespace WHERE nspname = 'app'"), "app", "insp_owner",
                        "The application"),
                new Catalog.Schema(fixture.oid("SELECT oid FROM pg_namespace WHERE nspname = 'ledger'"), "ledger", su, null),
                new Catalog.Schema(2200, "public", "pg_database_owner", "standard public schema"));

        assertThat(snapshot.tables()).extracting(t -> t.schema() + "." + t.name()).containsExactlyInAnyOrder(
                "Mixed Case.Order \"Lines\"", "app.booking", "app.customer", "app.events", "app.events_2025", "app.orders",
                "app.remote_stock", "ledger.entries");
        assertThat(table("app", "orders")).isEqualTo(new Catalog.Table(fixture.regclass("app.orders"), "app", "orders",
                RelationKind.TABLE, su, true, true, 0, totalBytes("app.orders"), null));
        assertThat(table("app", "customer")).isEqualTo(new Catalog.Table(fixture.regclass("app.customer"), "app", "customer",
                RelationKind.TABLE, su, false, false, 0, totalBytes("app.customer"), "People who buy"));
        assertThat(table("app", "events")).isEqualTo(new Catalog.Table(fixture.regclass("app.events"), "app", "events",
                RelationKind.PARTITIONED_TABLE, su, false, false, 0, 0, null));
        assertThat(table("app", "events_2025").kind()).isEqualTo(RelationKind.TABLE);
        assertThat(table("app", "remote_stock")).isEqualTo(new Catalog.Table(fixture.regclass("app.remote_stock"), "app",
                "remote_stock", RelationKind.FOREIGN_TABLE, su, false, false, 0, 0, null));
        assertThat(table("Mixed Case", "Order \"Lines\"")).isEqualTo(new Catalog.Table(lines(), "Mixed Case",
                "Order \"Lines\"", RelationKind.TABLE, su, true, false, 0, totalBytes("\"Mixed Case\".\"Order \"\"Lines\"\"\""),
                null));
    }

    @Test
    void columns_with_defaults_identity_generation_collation_and_comments() {
        long customer = fixture.regclass("app.customer");
        long orders = fixture.regclass("app.orders");
        assertThat(column("app", "customer", "id")).isEqualTo(new Catalog.Column(customer, "app", "customer", 1, "id", "bigint",
                true, null, Identity.ALWAYS, null, null, null));
        assertThat(column("app", "customer", "code")).isEqualTo(new Catalog.Column(customer, "app", "customer", 2, "code", "text",
                true, null, Identity.NONE, null, "C", null));
        assertThat(column("app", "customer", "name")).isEqualTo(new Catalog.Column(customer, "app", "customer", 3, "name", "text",
                true, "'anonymous'::text", Identity.NONE, null, null, null));
        assertThat(column("app", "customer", "email")).isEqualTo(new Catalog.Column(customer, "app", "customer", 4, "email",
                "text", false, null, Identity.NONE, null, null, "Where invoices go"));
        assertThat(column("app", "customer", "mood").type()).isEqualTo("app.mood");
        assertThat(column("app", "customer", "home").type()).isEqualTo("app.address");
        assertThat(column("app", "orders", "id")).isEqualTo(new Catalog.Column(orders, "app", "orders", 1, "id", "integer",
                true, null, Identity.BY_DEFAULT, null, null, null));
        assertThat(column("app", "orders", "unit_price")).isEqualTo(new Catalog.Column(orders, "app", "orders", 4, "unit_price",
                "app.amount", false, null, Identity.NONE, null, null, null));
        assertThat(column("app", "orders", "total")).isEqualTo(new Catalog.Column(orders, "app", "orders", 5, "total",
                "numeric", false, null, Identity.NONE, "((quantity)::numeric * (unit_price)::numeric)", null, null));
        assertThat(column("app", "orders", "created_at")).isEqualTo(new Catalog.Column(orders, "app", "orders", 8, "created_at",
                "timestamp with time zone", true, "now()", Identity.NONE, null, null, null));
        assertThat(column("app", "orders", "invoice_no").defaultExpression()).isEqualTo("nextval('app.invoice_no_seq'::regclass)");
        assertThat(column("Mixed Case", "Order \"Lines\"", "Line No")).isEqualTo(new Catalog.Column(lines(), "Mixed Case",
                "Order \"Lines\"", 1, "Line No", "integer", true, null, Identity.NONE, null, null, null));
        // views and materialized views have columns too
        assertThat(column("app", "order_totals", "total").type()).isEqualTo("numeric");
        assertThat(snapshot.columns().stream().filter(c -> c.relation().equals("orders")).map(Catalog.Column::name))
                .containsExactly("id", "customer_id", "quantity", "unit_price", "total", "status", "doc", "created_at", "invoice_no");
    }

    @Test
    void constraints_of_every_kind() {
        long customer = fixture.regclass("app.customer");
        long orders = fixture.regclass("app.orders");
        long booking = fixture.regclass("app.booking");
        assertThat(constraint("orders_customer_id_fkey")).isEqualTo(new Catalog.Constraint(constraintOid("orders_customer_id_fkey"),
                orders, "app", "orders", "orders_customer_id_fkey", ConstraintKind.FOREIGN_KEY, List.of("customer_id"), "app",
                "customer", List.of("id"), ForeignKeyAction.SET_NULL, ForeignKeyAction.CASCADE, false, false, true,
                "FOREIGN KEY (customer_id) REFERENCES app.customer(id) ON UPDATE SET NULL ON DELETE CASCADE"));
        assertThat(constraint("booking_order_fk")).isEqualTo(new Catalog.Constraint(constraintOid("booking_order_fk"), booking,
                "app", "booking", "booking_order_fk", ConstraintKind.FOREIGN_KEY, List.of("order_id"), "app", "orders",
                List.of("id"), ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION, true, true, true,
                "FOREIGN KEY (order_id) REFERENCES app.orders(id) DEFERRABLE INITIALLY DEFERRED"));
        assertThat(constraint("Order \"Lines\"_order_id_fkey")).isEqualTo(new Catalog.Constraint(
                constraintOid("Order \"Lines\"_order_id_fkey"), lines(), "Mixed Case", "Order \"Lines\"",
                "Order \"Lines\"_order_id_fkey", ConstraintKind.FOREIGN_KEY, List.of("order_id"), "app", "orders", List.of("id"),
                ForeignKeyAction.SET_DEFAULT, ForeignKeyAction.RESTRICT, false, false, true,
                "FOREIGN KEY (order_id) REFERENCES app.orders(id) ON UPDATE SET DEFAULT ON DELETE RESTRICT"));
        assertThat(constraint("Order \"Lines\"_pkey")).isEqualTo(new Catalog.Constraint(constraintOid("Order \"Lines\"_pkey"),
                lines(), "Mixed Case", "Order \"Lines\"", "Order \"Lines\"_pkey", ConstraintKind.PRIMARY_KEY,
                List.of("order_id", "Line No"), null, null, List.of(), null, null, false, false, true,
                "PRIMARY KEY (order_id, \"Line No\")"));
        assertThat(constraint("customer_code_key")).isEqualTo(new Catalog.Constraint(constraintOid("customer_code_key"), customer,
                "app", "customer", "customer_code_key", ConstraintKind.UNIQUE, List.of("code"), null, null, List.of(), null,
                null, false, false, true, "UNIQUE (code)"));
        assertThat(constraint("customer_email_check")).isEqualTo(new Catalog.Constraint(constraintOid("customer_email_check"),
                customer, "app", "customer", "customer_email_check", ConstraintKind.CHECK, List.of("email"), null, null,
                List.of(), null, null, false, false, true, "CHECK (email ~~ '%@%'::text)"));
        assertThat(constraint("orders_quantity_positive")).isEqualTo(new Catalog.Constraint(
                constraintOid("orders_quantity_positive"), orders, "app", "orders", "orders_quantity_positive",
                ConstraintKind.CHECK, List.of("quantity"), null, null, List.of(), null, null, false, false, false,
                "CHECK (quantity > 0) NOT VALID"));
        assertThat(constraint("booking_no_overlap")).isEqualTo(new Catalog.Constraint(constraintOid("booking_no_overlap"),
                booking, "app", "booking", "booking_no_overlap", ConstraintKind.EXCLUSION, List.of("during"), null, null,
                List.of(), null, null, false, false, true, "EXCLUDE USING gist (during WITH &&)"));
        assertThat(constraint("booking_check")).isEqualTo(new Catalog.Constraint(constraintOid("booking_check"), booking, "app",
                "booking", "booking_check", ConstraintKind.TRIGGER, List.of(), null, null, List.of(), null, null, true, true,
                true, "TRIGGER DEFERRABLE INITIALLY DEFERRED"));
        assertThat(constraint("orders_pkey").kind()).isEqualTo(ConstraintKind.PRIMARY_KEY);
        assertThat(snapshot.constraints()).extracting(Catalog.Constraint::name).containsExactlyInAnyOrder(
                "Order \"Lines\"_order_id_fkey", "Order \"Lines\"_pkey", "booking_check", "booking_no_overlap", "booking_order_fk",
                "booking_pkey", "customer_code_key", "customer_email_check", "customer_pkey", "orders_customer_id_fkey",
                "orders_pkey", "orders_quantity_positive", "entries_pkey");
    }

    @Test
    void indexes_of_every_method_partial_and_on_expressions() {
        long customer = fixture.regclass("app.customer");
        long orders = fixture.regclass("app.orders");
        List<Catalog.Index> expected = List.of(
                new Catalog.Index(fixture.regclass("app.orders_created_idx"), orders, "app", "orders", "orders_created_idx",
                        "btree", List.of("created_at"), null, false, false, true, true, 8192, 0, true,
                        "CREATE INDEX orders_created_idx ON app.orders USING btree (created_at DESC)", List.of("DESC"), List.of()),
                new Catalog.Index(fixture.regclass("app.orders_doc_idx"), orders, "app", "orders", "orders_doc_idx", "gin",
                        List.of("doc"), null, false, false, true, true, 16384, 0, true,
                        "CREATE INDEX orders_doc_idx ON app.orders USING gin (doc jsonb_path_ops)", List.of("jsonb_path_ops"),
                        List.of()),
                new Catalog.Index(fixture.regclass("app.orders_created_brin"), orders, "app", "orders", "orders_created_brin",
                        "brin", List.of("created_at"), null, false, false, true, true, 24576,
                        0, true, "CREATE INDEX orders_created_brin ON app.orders USING brin (created_at)"),
                new Catalog.Index(fixture.regclass("app.customer_email_hash"), customer, "app", "customer",
                        "customer_email_hash", "hash", List.of("email"), null, false, false, true, true,
                        32768, 0, true,
                        "CREATE INDEX customer_email_hash ON app.customer USING hash (email)"),
                new Catalog.Index(fixture.regclass("app.orders_open_idx"), orders, "app", "orders", "orders_open_idx", "btree",
                        List.of("customer_id"), "status = 'open'::text", false, false, true, true, 8192, 0, true,
                        "CREATE INDEX orders_open_idx ON app.orders USING btree (customer_id) WHERE (status = 'open'::text)"),
                new Catalog.Index(fixture.regclass("app.customer_lower_email_idx"), customer, "app", "customer",
                        "customer_lower_email_idx", "btree", List.of("lower(email)"), null, true, false, true, true, 8192, 0,
                        false, "CREATE UNIQUE INDEX customer_lower_email_idx ON app.customer USING btree (lower(email))"),
                new Catalog.Index(fixture.regclass("app.customer_pkey"), customer, "app", "customer", "customer_pkey", "btree",
                        List.of("id"), null, true, true, true, true, 8192, 0, false,
                        "CREATE UNIQUE INDEX customer_pkey ON app.customer USING btree (id)"),
                new Catalog.Index(fixture.regclass("\"Mixed Case\".\"Lines by Amount\""), lines(), "Mixed Case",
                        "Order \"Lines\"", "Lines by Amount", "btree", List.of("amount"), null, false, false, true, true, 8192,
                        0, true, "CREATE INDEX \"Lines by Amount\" ON \"Mixed Case\".\"Order \"\"Lines\"\"\" USING btree (amount)"),
                new Catalog.Index(fixture.regclass("\"Mixed Case\".\"Order \"\"Lines\"\"_pkey\""), lines(), "Mixed Case",
                        "Order \"Lines\"", "Order \"Lines\"_pkey", "btree", List.of("order_id", "Line No"), null, true, true,
                        true, true, 8192, 0, false, "CREATE UNIQUE INDEX \"Order \"\"Lines\"\"_pkey\" ON \"Mixed Case\".\"Order "
                        + "\"\"Lines\"\"\" USING btree (order_id, \"Line No\")"));
        for (Catalog.Index index : expected) {
            // the definition text comes with the table's page; the whole catalog leaves it out
            assertThat(engine.relations().indexes(CatalogScope.relation(index.tableOid()))).contains(index);
            assertThat(index(index.name())).isEqualTo(new Catalog.Index(index.oid(), index.tableOid(), index.schema(),
                    index.table(), index.name(), index.method(), index.keys(), index.predicate(), index.unique(),
                    index.primary(), index.valid(), index.ready(), index.sizeBytes(), index.scans(), index.unused(), null,
                    index.keyOptions(), index.include()));
        }
        assertThat(index("orders_doc_idx").sizeBytes()).isPositive();
        // Enforcing a constraint is a use, scanned or not; a partitioned index is never scanned itself.
        assertThat(index("booking_no_overlap").unused()).isFalse();
        assertThat(index("events_at_idx").unused()).isFalse();
        assertThat(index("events_2025_at_idx").unused()).isTrue();
        assertThat(snapshot.indexes()).hasSize(16);
    }

    @Test
    void views_materialized_views_and_what_they_depend_on() {
        long openOrders = fixture.regclass("app.open_orders");
        long openOrderNet = fixture.regclass("app.open_order_net");
        long customerOrders = fixture.regclass("app.customer_orders");
        long orderTotals = fixture.regclass("app.order_totals");
        long orders = fixture.regclass("app.orders");
        long customer = fixture.regclass("app.customer");
        assertThat(snapshot.views()).containsExactlyInAnyOrder(
                new Catalog.View(customerOrders, "app", "customer_orders", false, su,
                        " SELECT c.name,\n    o.id AS order_id\n   FROM app.customer c\n     JOIN app.orders o ON o.customer_id = c.id;",
                        true, false, null),
                new Catalog.View(openOrderNet, "app", "open_order_net", false, su,
                        " SELECT open_orders.id,\n    app.net_price(open_orders.total) AS net\n   FROM app.open_orders;",
                        false, false, null),
                new Catalog.View(openOrders, "app", "open_orders", false, su,
                        " SELECT orders.id,\n    orders.customer_id,\n    orders.total\n   FROM app.orders\n  WHERE orders.status = 'open'::text;",
                        false, true, "Orders not yet shipped"),
                new Catalog.View(orderTotals, "app", "order_totals", true, su,
                        " SELECT orders.customer_id,\n    sum(orders.total) AS total\n   FROM app.orders\n  GROUP BY orders.customer_id;",
                        false, false, null));
        ObjectName ordersTable = new ObjectName(orders, "table", "app", "orders");
        ObjectName openOrdersView = new ObjectName(openOrders, "view", "app", "open_orders");
        assertThat(snapshot.dependencies()).containsExactlyInAnyOrder(
                new Catalog.Dependency(new ObjectName(customerOrders, "view", "app", "customer_orders"),
                        new ObjectName(customer, "table", "app", "customer")),
                new Catalog.Dependency(new ObjectName(customerOrders, "view", "app", "customer_orders"), ordersTable),
                new Catalog.Dependency(new ObjectName(openOrderNet, "view", "app", "open_order_net"), openOrdersView),
                new Catalog.Dependency(new ObjectName(openOrderNet, "view", "app", "open_order_net"),
                        new ObjectName(fixture.regprocedure("app.net_price(numeric, numeric)"), "function", "app", "net_price")),
                new Catalog.Dependency(openOrdersView, ordersTable),
                new Catalog.Dependency(new ObjectName(orderTotals, "materialized view", "app", "order_totals"), ordersTable));
    }

    @Test
    void functions_procedures_aggregates_with_argument_modes_and_defaults() {
        assertThat(function("app.net_price(numeric, numeric)")).isEqualTo(new Catalog.Function(
                fixture.regprocedure("app.net_price(numeric, numeric)"), "app", "net_price", RoutineKind.FUNCTION,
                "amount numeric, rate numeric",
                List.of(new Argument("amount", ArgumentMode.IN, "numeric", null), new Argument("rate", ArgumentMode.IN, "numeric", "0.2")),
                "numeric", "sql", Volatility.IMMUTABLE, false, true, su, " SELECT round(amount / (1 + rate), 2) ", List.of(),
                "Price without tax", 1));
        assertThat(function("app.price(integer)")).isEqualTo(new Catalog.Function(fixture.regprocedure("app.price(integer)"),
                "app", "price", RoutineKind.FUNCTION, "p_id integer", List.of(new Argument("p_id", ArgumentMode.IN, "integer", null)),
                "numeric", "sql", Volatility.STABLE, false, false, su, " SELECT unit_price FROM app.orders WHERE id = p_id ",
                List.of(), null, 2));
        // the default holds a comma inside a string: one argument, not two
        assertThat(function("app.price(text, text)")).isEqualTo(new Catalog.Function(fixture.regprocedure("app.price(text, text)"),
                "app", "price", RoutineKind.FUNCTION, "p_code text, p_currency text",
                List.of(new Argument("p_code", ArgumentMode.IN, "text", null),
                        new Argument("p_currency", ArgumentMode.IN, "text", "'EUR, USD'::text")),
                "numeric", "sql", Volatility.STABLE, false, false, su, " SELECT 0::numeric ", List.of(), null, 2));
        assertThat(function("app.archive_orders(date, integer)")).isEqualTo(new Catalog.Function(
                fixture.regprocedure("app.archive_orders(date, integer)"), "app", "archive_orders", RoutineKind.PROCEDURE,
                "IN before date, INOUT moved integer",
                List.of(new Argument("before", ArgumentMode.IN, "date", null), new Argument("moved", ArgumentMode.INOUT, "integer", "0")),
                null, "plpgsql", Volatility.VOLATILE, false, false, su, " BEGIN moved := 0; END ", List.of(), null, 1));
        assertThat(function("app.secure_lookup(bigint)")).isEqualTo(new Catalog.Function(
                fixture.regprocedure("app.secure_lookup(bigint)"), "app", "secure_lookup", RoutineKind.FUNCTION, "p_id bigint",
                List.of(new Argument("p_id", ArgumentMode.IN, "bigint", null)), "text", "sql", Volatility.STABLE, true, false,
                su, " SELECT name FROM customer WHERE id = p_id ", List.of("search_path=app, pg_temp"), null, 1));
        assertThat(function("app.describe(text, integer, text[])")).isEqualTo(new Catalog.Function(
                fixture.regprocedure("app.describe(text, integer, text[])"), "app", "describe", RoutineKind.FUNCTION,
                "label text, OUT line text, INOUT counter integer, VARIADIC parts text[]",
                List.of(new Argument("label", ArgumentMode.IN, "text", null), new Argument("line", ArgumentMode.OUT, "text", null),
                        new Argument("counter", ArgumentMode.INOUT, "integer", "0"),
                        new Argument("parts", ArgumentMode.VARIADIC, "text[]", "ARRAY['a, b'::text, 'c'::text]")),
                "record", "plpgsql", Volatility.VOLATILE, false, false, su,
                " BEGIN line := label || array_to_string(parts, '/'); counter := counter + 1; END ", List.of(), null, 1));
        assertThat(function("app.customer_summary(numeric)")).isEqualTo(new Catalog.Function(
                fixture.regprocedure("app.customer_summary(numeric)"), "app", "customer_summary", RoutineKind.FUNCTION,
                "p_min numeric",
                List.of(new Argument("p_min", ArgumentMode.IN, "numeric", "0"),
                        new Argument("customer_id", ArgumentMode.TABLE, "bigint", null),
                        new Argument("order_count", ArgumentMode.TABLE, "bigint", null)),
                "TABLE(customer_id bigint, order_count bigint)", "sql", Volatility.STABLE, false, false, su,
                " SELECT customer_id, count(*) FROM app.orders GROUP BY customer_id HAVING count(*) >= p_min ", List.of(), null, 1));
        assertThat(function("app.text_concat(text)")).isEqualTo(new Catalog.Function(fixture.regprocedure("app.text_concat(text)"),
                "app", "text_concat", RoutineKind.AGGREGATE, "text", List.of(new Argument(null, ArgumentMode.IN, "text", null)),
                "text", "internal", Volatility.IMMUTABLE, false, false, su, "aggregate_dummy", List.of(), null, 1));
        assertThat(function("\"Mixed Case\".\"Line Total\"(integer)").signature()).isEqualTo("Mixed Case.Line Total(q integer)");

        // The range type's constructors are made by PostgreSQL but are functions all the same.
        assertThat(snapshot.functions()).extracting(Catalog.Function::signature).containsExactlyInAnyOrder(
                "Mixed Case.Line Total(q integer)", "app.archive_orders(IN before date, INOUT moved integer)", "app.audit()",
                "app.customer_summary(p_min numeric)",
                "app.describe(label text, OUT line text, INOUT counter integer, VARIADIC parts text[])",
                "app.float_multirange()", "app.float_multirange(VARIADIC app.float_range[])",
                "app.float_multirange(app.float_range)", "app.float_range(double precision, double precision)",
                "app.float_range(double precision, double precision, text)", "app.net_price(amount numeric, rate numeric)",
                "app.on_ddl()", "app.price(p_code text, p_currency text)", "app.price(p_id integer)",
                "app.secure_lookup(p_id bigint)", "app.text_concat(text)", "app.touch()");

        // one function asked for alone still counts its overloads
        long priceOid = fixture.regprocedure("app.price(integer)");
        assertThat(engine.routines().functions(CatalogScope.function(priceOid)))
                .containsExactly(function("app.price(integer)"));
    }

    @Test
    void triggers_event_triggers_and_policies() {
        long customer = fixture.regclass("app.customer");
        long orders = fixture.regclass("app.orders");
        assertThat(trigger("orders_touch")).isEqualTo(new Catalog.Trigger(triggerOid("orders_touch"), orders, "app", "orders",
                "orders_touch", TriggerTiming.BEFORE, List.of(TriggerEvent.UPDATE), List.of(), TriggerLevel.ROW,
                "old.status IS DISTINCT FROM new.status", "app", "touch", TriggerEnabled.ORIGIN, false, false, false,
                "CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status) "
                        + "EXECUTE FUNCTION app.touch()"));
        assertThat(trigger("orders_truncate_audit")).isEqualTo(new Catalog.Trigger(triggerOid("orders_truncate_audit"), orders,
                "app", "orders", "orders_truncate_audit", TriggerTiming.AFTER, List.of(TriggerEvent.TRUNCATE), List.of(),
                TriggerLevel.STATEMENT, null, "app", "audit", TriggerEnabled.ORIGIN, false, false, false,
                "CREATE TRIGGER orders_truncate_audit AFTER TRUNCATE ON app.orders FOR EACH STATEMENT EXECUTE FUNCTION app.audit()"));
        assertThat(trigger("customer_email_change")).isEqualTo(new Catalog.Trigger(triggerOid("customer_email_change"), customer,
                "app", "customer", "customer_email_change", TriggerTiming.AFTER, List.of(TriggerEvent.UPDATE),
                List.of("email", "name"), TriggerLevel.ROW, null, "app", "audit", TriggerEnabled.ORIGIN, false, false, false,
                "CREATE TRIGGER customer_email_change AFTER UPDATE OF email, name ON app.customer FOR EACH ROW "
                        + "EXECUTE FUNCTION app.audit()"));
        assertThat(trigger("customer_insert_audit")).isEqualTo(new Catalog.Trigger(triggerOid("customer_insert_audit"), customer,
                "app", "customer", "customer_insert_audit", TriggerTiming.AFTER, List.of(TriggerEvent.INSERT, TriggerEvent.DELETE),
                List.of(), TriggerLevel.ROW, null, "app", "audit", TriggerEnabled.DISABLED, false, false, false,
                "CREATE TRIGGER customer_insert_audit AFTER INSERT OR DELETE ON app.customer FOR EACH ROW EXECUTE FUNCTION app.audit()"));
        assertThat(trigger("open_orders_insert")).isEqualTo(new Catalog.Trigger(triggerOid("open_orders_insert"),
                fixture.regclass("app.open_orders"), "app", "open_orders", "open_orders_insert", TriggerTiming.INSTEAD_OF,
                List.of(TriggerEvent.INSERT), List.of(), TriggerLevel.ROW, null, "app", "audit", TriggerEnabled.ORIGIN, false,
                false, false, "CREATE TRIGGER open_orders_insert INSTEAD OF INSERT ON app.open_orders FOR EACH ROW "
                + "EXECUTE FUNCTION app.audit()"));
        assertThat(trigger("booking_check")).isEqualTo(new Catalog.Trigger(triggerOid("booking_check"),
                fixture.regclass("app.booking"), "app", "booking", "booking_check", TriggerTiming.AFTER,
                List.of(TriggerEvent.INSERT, TriggerEvent.UPDATE), List.of(), TriggerLevel.ROW, null, "app", "audit",
                TriggerEnabled.ORIGIN, true, true, true, "CREATE CONSTRAINT TRIGGER booking_check AFTER INSERT OR UPDATE ON "
                + "app.booking DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.audit()"));
        assertThat(trigger("Lines Audit").definition()).isEqualTo("CREATE TRIGGER \"Lines Audit\" AFTER DELETE ON "
                + "\"Mixed Case\".\"Order \"\"Lines\"\"\" FOR EACH ROW EXECUTE FUNCTION app.audit()");
        assertThat(snapshot.triggers()).hasSize(7); // not the internal ones behind foreign keys

        assertThat(snapshot.eventTriggers()).containsExactly(new Catalog.EventTrigger(
                fixture.oid("SELECT oid FROM pg_event_trigger WHERE evtname = 'insp_ddl_log'"), "insp_ddl_log", "ddl_command_end",
                List.of("CREATE TABLE", "ALTER TABLE"), "app", "on_ddl", TriggerEnabled.ALWAYS, su));

        assertThat(snapshot.policies()).containsExactlyInAnyOrder(
                new Catalog.Policy(policyOid("Lines Policy"), lines(), "Mixed Case", "Order \"Lines\"", "Lines Policy",
                        PolicyCommand.UPDATE, PolicyMode.PERMISSIVE, List.of("PUBLIC"), "amount > 0", null),
                new Catalog.Policy(policyOid("orders_insert"), orders, "app", "orders", "orders_insert", PolicyCommand.INSERT,
                        PolicyMode.PERMISSIVE, List.of("insp_app"), null, "unit_price::numeric >= 0::numeric"),
                new Catalog.Policy(policyOid("orders_no_drafts"), orders, "app", "orders", "orders_no_drafts",
                        PolicyCommand.SELECT, PolicyMode.RESTRICTIVE, List.of("PUBLIC"), "status IS DISTINCT FROM 'draft'::text",
                        null),
                new Catalog.Policy(policyOid("orders_tenant"), orders, "app", "orders", "orders_tenant", PolicyCommand.ALL,
                        PolicyMode.PERMISSIVE, List.of("insp_app", "insp_reader"), "status <> 'hidden'::text", "quantity > 0"));
    }

    @Test
    void roles_and_memberships() {
        assertThat(role("insp_app")).isEqualTo(new Catalog.Role(roleOid("insp_app"), "insp_app", false, true, false, true, true,
                false, false, 5, Instant.parse("2031-06-30T12:00:00Z"), false, null));
        assertThat(role("insp_auditor")).isEqualTo(new Catalog.Role(roleOid("insp_auditor"), "insp_auditor", false, true, true,
                false, false, true, true, 2, null, false, "Reads everything, changes nothing"));
        assertThat(role("insp_reader")).isEqualTo(new Catalog.Role(roleOid("insp_reader"), "insp_reader", false, false, false,
                false, false, false, false, -1, null, false, null));
        assertThat(role(CatalogFixture.META_ROLE)).isEqualTo(new Catalog.Role(roleOid(CatalogFixture.META_ROLE),
                CatalogFixture.META_ROLE, false, true, false, false, true, false, false, -1, null, false, null));
        assertThat(role(su).superuser()).isTrue();
        assertThat(role(su).builtIn()).isFalse();
        assertThat(role("pg_monitor").builtIn()).isTrue();

        assertThat(snapshot.memberships()).contains(
                new Catalog.Membership("insp_reader", "insp_app", true, su),
                new Catalog.Membership("insp_reader", "insp_auditor", false, su));
        assertThat(snapshot.memberships()).filteredOn(m -> m.member().equals(CatalogFixture.META_ROLE)).isEmpty();
    }

    @Test
    void privileges_of_every_object_type_and_default_privileges() {
        long orders = fixture.regclass("app.orders");
        long customer = fixture.regclass("app.customer");
        long ledger = fixture.oid("SELECT oid FROM pg_namespace WHERE nspname = 'ledger'");
        long secureLookup = fixture.regprocedure("app.secure_lookup(bigint)");
        long describe = fixture.regprocedure("app.describe(text, integer, text[])");
        assertThat(snapshot.privileges()).contains(
                new Catalog.Privilege(PrivilegeObject.TABLE, orders, "app", "orders", null, "insp_app", "INSERT", true, su),
                new Catalog.Privilege(PrivilegeObject.TABLE, orders, "app", "orders", null, "insp_app", "SELECT", true, su),
                new Catalog.Privilege(PrivilegeObject.TABLE, orders, "app", "orders", null, "insp_reader", "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.TABLE, orders, "app", "orders", null, su, "TRIGGER", false, su),
                new Catalog.Privilege(PrivilegeObject.COLUMN, customer, "app", "customer", "id", "insp_app", "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.COLUMN, customer, "app", "customer", "name", "insp_app", "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.COLUMN, customer, "app", "customer", "name", "insp_app", "UPDATE", false, su),
                new Catalog.Privilege(PrivilegeObject.VIEW, fixture.regclass("app.open_orders"), "app", "open_orders", null,
                        "insp_reader", "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.MATERIALIZED_VIEW, fixture.regclass("app.order_totals"), "app",
                        "order_totals", null, su, "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.FOREIGN_TABLE, fixture.regclass("app.remote_stock"), "app", "remote_stock",
                        null, su, "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.TABLE, lines(), "Mixed Case", "Order \"Lines\"", null, "insp_app", "TRUNCATE",
                        false, su),
                new Catalog.Privilege(PrivilegeObject.SEQUENCE, fixture.regclass("app.ticket_seq"), "app", "ticket_seq", null,
                        "PUBLIC", "SELECT", false, su),
                new Catalog.Privilege(PrivilegeObject.SEQUENCE, fixture.regclass("app.invoice_no_seq"), "app", "invoice_no_seq",
                        null, "insp_app", "USAGE", false, su),
                new Catalog.Privilege(PrivilegeObject.SCHEMA, ledger, "ledger", "ledger", null, "insp_app", "CREATE", true, su),
                new Catalog.Privilege(PrivilegeObject.SCHEMA, fixture.oid("SELECT oid FROM pg_namespace WHERE nspname = 'app'"),
                        "app", "app", null, "insp_reader", "USAGE", false, "insp_owner"),
                new Catalog.Privilege(PrivilegeObject.FUNCTION, secureLookup, "app", "secure_lookup(p_id bigint)", null,
                        "insp_reader", "EXECUTE", false, su),
                // built-in defaults are part of the matrix: PUBLIC may run functions unless revoked
                new Catalog.Privilege(PrivilegeObject.FUNCTION, describe, "app",
                        "describe(label text, OUT line text, INOUT counter integer, VARIADIC parts text[])", null, "PUBLIC",
                        "EXECUTE", false, su));
        assertThat(snapshot.privileges()).filteredOn(p -> p.objectOid() == secureLookup).extracting(Catalog.Privilege::grantee)
                .containsExactlyInAnyOrder("insp_reader", su);
        // the metadata role may enter the schemas and nothing else
        assertThat(snapshot.privileges()).filteredOn(p -> p.grantee().equals(CatalogFixture.META_ROLE))
                .extracting(p -> p.objectType() + " " + p.object() + " " + p.privilege())
                .containsExactlyInAnyOrder("SCHEMA Mixed Case USAGE", "SCHEMA app USAGE", "SCHEMA ledger USAGE");

        assertThat(snapshot.defaultPrivileges()).containsExactlyInAnyOrder(
                new Catalog.DefaultPrivilege(su, "app", "TABLE", "insp_reader", "SELECT", false),
                new Catalog.DefaultPrivilege("insp_owner", null, "FUNCTION", "PUBLIC", "EXECUTE", false),
                new Catalog.DefaultPrivilege("insp_owner", null, "FUNCTION", "insp_app", "EXECUTE", false),
                new Catalog.DefaultPrivilege("insp_owner", null, "FUNCTION", "insp_owner", "EXECUTE", false));
    }

    @Test
    void types_sequences_and_extensions() {
        assertThat(snapshot.types()).containsExactlyInAnyOrder(
                new Catalog.Type(typeOid("app.address"), "app", "address", TypeKind.COMPOSITE, su, List.of(),
                        List.of(new Catalog.Field("street", "text"), new Catalog.Field("zip", "character varying(10)")), null,
                        false, null, List.of(), null, null),
                new Catalog.Type(typeOid("app.amount"), "app", "amount", TypeKind.DOMAIN, su, List.of(), List.of(), "numeric(12,2)",
                        true, "0", List.of("CHECK (VALUE < 1000000::numeric)", "CHECK (VALUE >= 0::numeric)"), null, null),
                new Catalog.Type(typeOid("app.float_range"), "app", "float_range", TypeKind.RANGE, su, List.of(), List.of(), null,
                        false, null, List.of(), "double precision", null),
                new Catalog.Type(typeOid("app.mood"), "app", "mood", TypeKind.ENUM, su, List.of("sad", "ok", "happy"), List.of(),
                        null, false, null, List.of(), null, "How a customer feels"));

        assertThat(sequence("invoice_no_seq")).isEqualTo(new Catalog.Sequence(fixture.regclass("app.invoice_no_seq"), "app",
                "invoice_no_seq", "integer", 1000, 10, 1000, 999999, 5, true, null, "orders", "invoice_no", su));
        assertThat(sequence("booking_id_seq")).isEqualTo(new Catalog.Sequence(fixture.regclass("app.booking_id_seq"), "app",
                "booking_id_seq", "integer", 1, 1, 1, 2147483647, 1, false, null, "booking", "id", su));
        // PUBLIC may read ticket_seq; secret_seq only its owner: its value is no one else's business
        assertThat(sequence("ticket_seq")).isEqualTo(new Catalog.Sequence(fixture.regclass("app.ticket_seq"), "app", "ticket_seq",
                "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, 41L, null, null, su));
        assertThat(sequence("secret_seq")).isEqualTo(new Catalog.Sequence(fixture.regclass("app.secret_seq"), "app", "secret_seq",
                "bigint", 7, 1, 1, Long.MAX_VALUE, 1, false, null, null, null, su));
        assertThat(fixture.superEngine().types().sequences(CatalogScope.schema("app")))
                .filteredOn(s -> s.name().equals("secret_seq")).extracting(Catalog.Sequence::lastValue).containsExactly(7L);
        assertThat(snapshot.sequences()).extracting(Catalog.Sequence::name).containsExactlyInAnyOrder("booking_id_seq",
                "customer_id_seq", "invoice_no_seq", "orders_id_seq", "secret_seq", "ticket_seq", "entries_id_seq");

        assertThat(snapshot.extensions()).contains(
                new Catalog.Extension("postgres_fdw", "1.1", "1.1", "public", "foreign-data wrapper for remote PostgreSQL servers"),
                new Catalog.Extension("plpgsql", "1.0", "1.0", "pg_catalog", "PL/pgSQL procedural language"),
                new Catalog.Extension("pgcrypto", null, "1.3", null, "cryptographic functions"));
    }

    @Test
    void foreign_data_without_secrets() {
        assertThat(snapshot.foreignDataWrappers()).containsExactly(new Catalog.ForeignDataWrapper("postgres_fdw",
                "postgres_fdw_handler", "postgres_fdw_validator", su, List.of()));
        assertThat(snapshot.foreignServers()).containsExactly(new Catalog.ForeignServer("insp_remote", "postgres_fdw", "postgresql", "15.4",
                su, List.of("host=warehouse.internal.example", "port=5433", "dbname=warehouse")));
        assertThat(snapshot.foreignTables()).containsExactly(new Catalog.ForeignTable(fixture.regclass("app.remote_stock"), "app",
                "remote_stock", "insp_remote", List.of("schema_name=public", "table_name=stock")));
        // PostgreSQL shows the metadata role no options of a mapping that is not its own ...
        assertThat(snapshot.userMappings()).containsExactly(new Catalog.UserMapping("insp_remote", "insp_app", List.of()));
        // ... and whoever may see them, Planetary masks the password
        Catalog.Snapshot asSuperuser = fixture.superEngine().snapshot();
        assertThat(asSuperuser.userMappings()).containsExactly(new Catalog.UserMapping("insp_remote", "insp_app",
                List.of("user=warehouse_reader", "password=********")));
        assertThat(fixture.superEngine().external().userMappings()).isEqualTo(asSuperuser.userMappings());
        for (Catalog.Snapshot whole : List.of(snapshot, asSuperuser)) {
            assertThat(whole.toString()).doesNotContain(CatalogFixture.USER_MAPPING_PASSWORD)
                    .doesNotContain(CatalogFixture.SUBSCRIPTION_PASSWORD);
        }
    }

    @Test
    void publications_subscriptions_and_replication_slots() {
        assertThat(snapshot.publications()).containsExactly(
                new Catalog.Publication("insp_ledger_pub", su, false, true, true, true, true, List.of(), List.of("ledger")),
                new Catalog.Publication("insp_orders_pub", su, false, true, false, false, false,
                        List.of(new Catalog.PublishedTable("app", "orders", "status <> 'draft'::text",
                                List.of("id", "customer_id", "status"))), List.of()));
        assertThat(snapshot.subscriptions()).containsExactly(new Catalog.Subscription("insp_sub", su, false,
                List.of("orders_feed", "ledger_feed"), "insp_sub"));
        assertThat(snapshot.replicationSlots()).filteredOn(s -> s.name().equals(slot)).containsExactly(
                new Catalog.ReplicationSlot(slot, null, "physical", null, false, null, null, null));
    }

    @Test
    void every_kind_asked_for_alone_is_the_snapshots_part() {
        String schema = "app";
        Predicate<String> in = schema::equals;
        assertThat(engine.relations().schemas(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.schemas().stream().filter(s -> in.test(s.name())).toList());
        assertThat(withoutStatistics(engine.relations().tables(CatalogScope.schema(schema))))
                .isEqualTo(withoutStatistics(snapshot.tables().stream().filter(t -> in.test(t.schema())).toList()));
        assertThat(engine.relations().columns(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.columns().stream().filter(c -> in.test(c.schema())).toList());
        assertThat(engine.relations().constraints(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.constraints().stream().filter(c -> in.test(c.schema())).toList());
        assertThat(engine.relations().indexes(CatalogScope.schema(schema))).extracting(Catalog.Index::name)
                .isEqualTo(snapshot.indexes().stream().filter(i -> in.test(i.schema())).map(Catalog.Index::name).toList());
        assertThat(engine.relations().views(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.views().stream().filter(v -> in.test(v.schema())).toList());
        assertThat(engine.relations().dependencies(CatalogScope.schema(schema))).isEqualTo(snapshot.dependencies().stream()
                .filter(d -> in.test(d.dependent().schema()) || in.test(d.referenced().schema())).toList());
        assertThat(engine.routines().functions(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.functions().stream().filter(f -> in.test(f.schema())).toList());
        assertThat(engine.routines().triggers(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.triggers().stream().filter(t -> in.test(t.schema())).toList());
        assertThat(engine.routines().policies(CatalogScope.schema("Mixed Case")))
                .isEqualTo(snapshot.policies().stream().filter(p -> p.schema().equals("Mixed Case")).toList());
        assertThat(engine.routines().eventTriggers()).isEqualTo(snapshot.eventTriggers());
        assertThat(engine.access().roles()).isEqualTo(snapshot.roles());
        assertThat(engine.access().memberships()).isEqualTo(snapshot.memberships());
        assertThat(engine.access().privileges(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.privileges().stream().filter(p -> in.test(p.schema())).toList());
        assertThat(engine.access().defaultPrivileges()).isEqualTo(snapshot.defaultPrivileges());
        assertThat(engine.types().types(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.types().stream().filter(t -> in.test(t.schema())).toList());
        assertThat(engine.types().sequences(CatalogScope.schema(schema)))
                .isEqualTo(snapshot.sequences().stream().filter(s -> in.test(s.schema())).toList());
        assertThat(engine.types().extensions()).isEqualTo(snapshot.extensions());
        ExternalIntrospection.ForeignData foreign = engine.external().foreignData();
        assertThat(foreign.wrappers()).isEqualTo(snapshot.foreignDataWrappers());
        assertThat(foreign.servers()).isEqualTo(snapshot.foreignServers());
        assertThat(foreign.tables()).isEqualTo(snapshot.foreignTables());
        assertThat(engine.external().userMappings()).isEqualTo(snapshot.userMappings());
        assertThat(engine.external().publications()).isEqualTo(snapshot.publications());
        assertThat(engine.external().subscriptions()).isEqualTo(snapshot.subscriptions());
        assertThat(engine.external().replicationSlots()).filteredOn(s -> s.name().equals(slot))
                .isEqualTo(snapshot.replicationSlots().stream().filter(s -> s.name().equals(slot)).toList());
        assertThat(engine.relationOid("Mixed Case", "Order \"Lines\"")).contains(lines());
        assertThat(engine.relationOid("mixed case", "Order \"Lines\"")).isEmpty();
    }

    @Test
    void a_tables_page_has_all_its_parts() {
        Catalog.Snapshot now = engine.snapshot();
        long orders = fixture.regclass("app.orders");
        Catalog.TableDetail detail = engine.table("app", "orders").orElseThrow();
        assertThat(withoutStatistics(List.of(detail.table()))).isEqualTo(withoutStatistics(List.of(table(now, "app", "orders"))));
        assertThat(detail.columns()).isEqualTo(now.columns().stream().filter(c -> c.relationOid() == orders).toList());
        assertThat(detail.constraints()).extracting(Catalog.Constraint::name)
                .containsExactly("orders_customer_id_fkey", "orders_pkey", "orders_quantity_positive");
        assertThat(detail.constraints()).isEqualTo(now.constraints().stream().filter(c -> c.tableOid() == orders).toList());
        assertThat(detail.indexes()).extracting(Catalog.Index::name).containsExactly("orders_created_brin", "orders_created_idx",
                "orders_doc_idx", "orders_open_idx", "orders_pkey");
        assertThat(detail.policies()).extracting(Catalog.Policy::name)
                .containsExactly("orders_insert", "orders_no_drafts", "orders_tenant");
        assertThat(detail.policies()).isEqualTo(now.policies().stream().filter(p -> p.tableOid() == orders).toList());
        assertThat(detail.triggers()).extracting(Catalog.Trigger::name).containsExactly("orders_touch", "orders_truncate_audit");
        assertThat(detail.triggers()).isEqualTo(now.triggers().stream().filter(t -> t.tableOid() == orders).toList());
        assertThat(detail.privileges()).isEqualTo(now.privileges().stream()
                .filter(p -> p.objectOid() == orders && p.objectType() != PrivilegeObject.FUNCTION
                        && p.objectType() != PrivilegeObject.SCHEMA).toList());
        assertThat(detail.privileges()).extracting(p -> p.grantee() + " " + p.privilege()).contains("insp_app INSERT",
                "insp_app SELECT", "insp_reader SELECT");
        assertThat(detail.dependentViews()).extracting(d -> d.dependent().name())
                .containsExactlyInAnyOrder("customer_orders", "open_orders", "order_totals");
        assertThat(detail.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(engine.table(orders)).contains(detail);

        Catalog.TableDetail lines = engine.table("Mixed Case", "Order \"Lines\"").orElseThrow();
        assertThat(lines.table().oid()).isEqualTo(lines());
        assertThat(lines.policies()).extracting(Catalog.Policy::name).containsExactly("Lines Policy");
        assertThat(lines.triggers()).extracting(Catalog.Trigger::name).containsExactly("Lines Audit");
        assertThat(lines.indexes()).extracting(Catalog.Index::name).containsExactlyInAnyOrder("Lines by Amount", "Order \"Lines\"_pkey");
        assertThat(engine.table("app", "no_such_table")).isEmpty();

        // a view has a page too: its INSTEAD OF trigger, its grants, the views built on it
        Catalog.TableDetail view = engine.table("app", "open_orders").orElseThrow();
        assertThat(view.table()).isEqualTo(new Catalog.Table(fixture.regclass("app.open_orders"), "app", "open_orders",
                RelationKind.VIEW, su, false, false, 0, 0, "Orders not yet shipped"));
        assertThat(view.triggers()).extracting(Catalog.Trigger::name).containsExactly("open_orders_insert");
        assertThat(view.privileges()).extracting(p -> p.grantee() + " " + p.privilege()).contains("insp_reader SELECT");
        assertThat(view.dependentViews()).extracting(d -> d.dependent().name()).containsExactly("open_order_net");
        assertThat(view.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void the_fingerprint_follows_definitions_and_grants_not_statistics() {
        // rows, statistics, grants and policies change here: on a database of its own
        CatalogFixture fixture = CatalogFixture.load("introspection_fingerprint");
        Introspector engine = fixture.metaEngine();
        Supplier<String> fingerprint = () -> engine.table("app", "orders").orElseThrow().fingerprint();
        String before = fingerprint.get();
        assertThat(before).matches("[0-9a-f]{64}");
        assertThat(fingerprint.get()).isEqualTo(before);
        assertThat(fixture.superEngine().table("app", "orders").orElseThrow().fingerprint()).isEqualTo(before);

        fixture.server().execute(fixture.database(),
                "INSERT INTO app.customer (code, name, email) VALUES ('c1', 'Ann', 'ann@example.com'), ('c2', 'Bob', 'bob@example.com')",
                "INSERT INTO app.orders (customer_id, quantity, unit_price, status, doc) "
                        + "SELECT id, 2, 9.5, 'open', '{\"a\": 1}' FROM app.customer",
                "ANALYZE app.orders", "ANALYZE app.customer");
        Catalog.TableDetail analyzed = engine.table("app", "orders").orElseThrow();
        assertThat(analyzed.table().rowEstimate()).isEqualTo(2);
        assertThat(analyzed.table().totalBytes()).isEqualTo(8192);
        assertThat(analyzed.indexes()).filteredOn(i -> i.name().equals("orders_pkey")).extracting(Catalog.Index::sizeBytes)
                .containsExactly(16384L);
        assertThat(fingerprint.get()).isEqualTo(before);
        assertThat(engine.table("app", "customer").orElseThrow().fingerprint()).isNotEqualTo(before);

        fixture.server().execute(fixture.database(), "GRANT UPDATE ON app.orders TO insp_reader");
        String granted = fingerprint.get();
        assertThat(granted).matches("[0-9a-f]{64}").isNotEqualTo(before);
        fixture.server().execute(fixture.database(), "REVOKE UPDATE ON app.orders FROM insp_reader");
        assertThat(fingerprint.get()).isEqualTo(before);

        fixture.server().execute(fixture.database(), "CREATE POLICY orders_delete ON app.orders FOR DELETE TO insp_app USING (true)");
        String withPolicy = fingerprint.get();
        assertThat(withPolicy).isNotEqualTo(before).isNotEqualTo(granted);
        fixture.server().execute(fixture.database(), "DROP POLICY orders_delete ON app.orders");
        assertThat(fingerprint.get()).isEqualTo(before);
    }

    static List<Catalog.Table> withoutStatistics(List<Catalog.Table> tables) {
        return tables.stream().map(t -> new Catalog.Table(t.oid(), t.schema(), t.name(), t.kind(), t.owner(), t.rlsEnabled(),
                t.rlsForced(), 0, 0, t.comment())).toList();
    }

    private static long lines() {
        return fixture.regclass("\"Mixed Case\".\"Order \"\"Lines\"\"\"");
    }

    /** Sizes are the planner's page counts (as of the last VACUUM, ANALYZE or CREATE INDEX), in bytes. */
    private static long totalBytes(String qualified) {
        return 0; // no table of the fixture has been vacuumed or analyzed
    }


    private static long constraintOid(String name) {
        return fixture.oid("SELECT oid FROM pg_constraint WHERE conname = ? AND conrelid <> 0", name);
    }

    private static long triggerOid(String name) {
        return fixture.oid("SELECT oid FROM pg_trigger WHERE tgname = ?", name);
    }

    private static long policyOid(String name) {
        return fixture.oid("SELECT oid FROM pg_policy WHERE polname = ?", name);
    }

    private static long roleOid(String name) {
        return fixture.oid("SELECT oid FROM pg_roles WHERE rolname = ?", name);
    }

    private static long typeOid(String name) {
        return fixture.oid("SELECT CAST(CAST(? AS text) AS regtype)::oid", name);
    }

    private static Catalog.Table table(String schema, String name) {
        return table(snapshot, schema, name);
    }

    private static Catalog.Table table(Catalog.Snapshot in, String schema, String name) {
        return one(in.tables(), t -> t.schema().equals(schema) && t.name().equals(name));
    }

    private static Catalog.Column column(String schema, String relation, String name) {
        return one(snapshot.columns(), c -> c.schema().equals(schema) && c.relation().equals(relation) && c.name().equals(name));
    }

    private static Catalog.Constraint constraint(String name) {
        return one(snapshot.constraints(), c -> c.name().equals(name));
    }

    private static Catalog.Index index(String name) {
        return one(snapshot.indexes(), i -> i.name().equals(name));
    }

    private static Catalog.Function function(String signature) {
        long oid = fixture.regprocedure(signature);
        return one(snapshot.functions(), f -> f.oid() == oid);
    }

    private static Catalog.Trigger trigger(String name) {
        return one(snapshot.triggers(), t -> t.name().equals(name));
    }

    private static Catalog.Role role(String name) {
        return one(snapshot.roles(), r -> r.name().equals(name));
    }

    private static Catalog.Sequence sequence(String name) {
        return one(snapshot.sequences(), s -> s.name().equals(name));
    }

    static <T> T one(List<T> list, Predicate<T> test) {
        List<T> found = list.stream().filter(test).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
