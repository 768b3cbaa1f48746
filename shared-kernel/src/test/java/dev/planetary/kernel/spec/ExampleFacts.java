package dev.planetary.kernel.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.ParameterFacts;
import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.ddl.PublicationTable;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.replication.ForeignServerFacts;
import dev.planetary.kernel.replication.PublicationFacts.TableIdentity;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.replication.ReplicaIdentity;
import dev.planetary.kernel.replication.SlotFacts;
import dev.planetary.kernel.spec.protect.ProtectTableSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;

/**
 * The demo schema's tables as the catalog would describe them, for rendering the registry's
 * examples without a database; "applied change" is the protect-table example.
 */
final class ExampleFacts implements ProposalFacts {

    static final ExampleFacts INSTANCE = new ExampleFacts();

    @Override
    public TableFacts table(QualifiedName table, String field) {
        List<TableFacts.FactColumn> columns = switch (table.name().name()) {
            case "customer" -> List.of(column("id", "bigint", true), column("tenant_id", "text", false),
                    column("name", "text", false), column("email", "text", false));
            case "invoice" -> List.of(column("id", "bigint", true), column("tenant_id", "text", false),
                    column("customer_id", "bigint", false), column("customer_email", "text", false),
                    column("card_number", "text", false), column("amount", "numeric(12,2)", false),
                    column("status", "text", false), column("updated_at", "timestamp with time zone", false));
            default -> throw new SpecViolation(field, "there is no table " + table.display());
        };
        return new TableFacts(Identifier.of("planetary_ddl"), false, false, false, columns, List.of(Identifier.of("id")),
                List.of(), List.of(), List.of(), List.of(Grantee.PUBLIC));
    }

    /** The demo's tables keep the default storage parameters. */
    @Override
    public StorageFacts storage(QualifiedName table, String field) {
        table(table, field);
        return new StorageFacts(java.util.Map.of());
    }

    /** work_mem as a fresh PostgreSQL 15 has it, with nothing in postgresql.auto.conf. */
    @Override
    public ParameterFacts parameter(String name, String field) {
        if (!name.equals("work_mem")) {
            throw new SpecViolation(field, "there is no parameter " + name);
        }
        return new ParameterFacts(new ConfigParameter("work_mem", "4096", "kB", "Resource Usage / Memory",
                "Sets the maximum memory to be used for query workspaces.", null, "user", "integer", "default", null, null,
                "64", "2147483647", List.of(), "4096", "4096", false), null, true);
    }

    /** statement_timeout, set by no role or database of the demo. */
    @Override
    public SessionDefaultFacts sessionDefault(Identifier role, Identifier database, String parameter, String field) {
        if (!parameter.equals("statement_timeout")) {
            throw new SpecViolation(field, "there is no parameter " + parameter);
        }
        return new SessionDefaultFacts(new ConfigParameter("statement_timeout", "0", "ms", "Client Connection Defaults / Statement Behavior",
                "Sets the maximum allowed duration of any statement.", null, "user", "integer", "default", null, null,
                "0", "2147483647", List.of(), "0", "0", false), null, true, true,
                role == null ? (database == null ? "demo" : database.name()) : database == null ? null : database.name());
    }

    /**
     * The demo's publication billing_out: new invoices that are not void, without card numbers. The demo's tables have
     * their primary keys as replica identity.
     */
    @Override
    public PublicationFacts publication(Identifier name, List<QualifiedName> tables, String field) {
        List<TableIdentity> identities = java.util.stream.Stream.of("invoice", "customer")
                .map(table -> new TableIdentity(QualifiedName.of("app", table), ReplicaIdentity.of("d", List.of("id")),
                        table(QualifiedName.of("app", table), field).columns().stream().map(c -> c.name().name()).toList()))
                .toList();
        if (!name.name().equals("billing_out")) {
            return PublicationFacts.none(identities);
        }
        PublicationTable invoice = new PublicationTable(QualifiedName.of("app", "invoice"), java.util.stream.Stream.of("id", "tenant_id",
                "customer_id", "amount", "status", "updated_at").map(Identifier::of).toList(), SqlFragment.of("status <> 'void'"));
        return new PublicationFacts(true, false, List.of("insert"), false, List.of(invoice), identities);
    }

    /** warehouse_link: a server nothing uses any more, with one mapping naming its remote user. */
    @Override
    public ForeignServerFacts foreignServer(Identifier server, String field) {
        return server.name().equals("warehouse_link") ? new ForeignServerFacts(true, "postgres_fdw",
                List.of("host=warehouse.internal", "dbname=warehouse"), List.of(new ForeignServerFacts.Mapping("planetary_ddl", "reader")),
                true, 0) : ForeignServerFacts.NONE;
    }

    /** standby_gone: a physical slot a standby that is no more left behind. */
    @Override
    public SlotFacts slot(String name, String field) {
        return name.equals("standby_gone") ? new SlotFacts(true, "physical", false, null, 3L << 30) : SlotFacts.NONE;
    }

    /** The demo's one job, nightly-analyze, scheduled by Planetary's executor login. */
    @Override
    public JobFacts job(String name, String field) {
        return name.equals("nightly-analyze") ? new JobFacts(true, 1L, "30 3 * * *", "ANALYZE app.invoice", true) : JobFacts.NONE;
    }

    /** The demo's one plain index, as pg_get_indexdef prints it. */
    @Override
    public IndexFacts index(QualifiedName index, String field) {
        if (!index.equals(QualifiedName.of("app", "invoice_tenant_idx"))) {
            throw new SpecViolation(field, "there is no index " + index.display());
        }
        return new IndexFacts("CREATE INDEX invoice_tenant_idx ON app.invoice USING btree (tenant_id, status)", false, List.of());
    }

    /** The demo documents its tables, not their columns. */
    @Override
    public PreviousComment comment(CommentOn.Target target, QualifiedName object, Identifier name, List<TypeName> argumentTypes,
                                   String field) {
        return PreviousComment.NONE;
    }

    @Override
    public ChangeSpec appliedSpec(String changeId, String field) {
        try {
            ChangeKind<?> protect = ChangeKinds.named(ProtectTableSpec.KIND).orElseThrow();
            ChangeSpec example = new ObjectMapper().readValue(protect.example(), ChangeSpec.class);
            return protect.complete(example, this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TableFacts.FactColumn column(String name, String type, boolean generated) {
        return new TableFacts.FactColumn(Identifier.of(name), type, generated, null);
    }
}
