package dev.planetary.kernel.spec.audit;

import dev.planetary.kernel.target.TargetId;
import dev.planetary.kernel.ddl.CreateExtension;
import dev.planetary.kernel.ddl.CreateForeignTable;
import dev.planetary.kernel.ddl.CreateFunction;
import dev.planetary.kernel.ddl.CreateSchema;
import dev.planetary.kernel.ddl.CreateServer;
import dev.planetary.kernel.ddl.Drop;
import dev.planetary.kernel.ddl.DropFunction;
import dev.planetary.kernel.ddl.FdwOption;
import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.ddl.UserMapping;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlLiteral;
import dev.planetary.kernel.sql.TypeName;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Connects the target to the audit server through postgres_fdw: the foreign server, a user
 * mapping whose password is the configured credential {@code credential} (by name: the secret is
 * put in by the executor and never stored), the foreign table over {@code audit.row_change}, and
 * the audit trigger function that per-table audit changes attach. The function is SECURITY
 * DEFINER (only its owner may write the foreign table) and fails closed: when the audit server
 * cannot be reached, the audited write fails rather than going unaudited, unless the trigger was
 * attached with {@code 'fail-open'}. Each audit row names the target it was written on ({@code target},
 * filled in when the change is proposed: several targets may write to one audit server).
 */
public record ConnectAuditSpec(Identifier server, String host, int port, String database, String remoteUser,
                               String credential, TargetId target) implements ChangeSpec {

    public static final String KIND = "connect-audit";
    static final Identifier PLATFORM = Identifier.of("planetary");
    private static final Identifier POSTGRES_FDW = Identifier.of("postgres_fdw");
    static final QualifiedName FOREIGN_TABLE = new QualifiedName(PLATFORM, Identifier.of("audit_row_change"));
    static final QualifiedName AUDIT_FUNCTION = new QualifiedName(PLATFORM, Identifier.of("audit_row"));
    /** The columns of audit.row_change on the audit server, in its order (the audit function inserts whole rows). */
    private static final List<CreateForeignTable.Column> FOREIGN_COLUMNS = List.of(
            column("occurred_at", "timestamptz"), column("transaction_id", "bigint"), column("database_name", "text"),
            column("schema_name", "text"), column("table_name", "text"), column("operation", "text"),
            column("session_user_name", "text"), column("claims", "jsonb"), column("old_row", "jsonb"),
            column("new_row", "jsonb"), column("target", "text"));
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,63}");

    public ConnectAuditSpec {
        server = server == null ? Identifier.of("planetary_audit") : server;
        if (host == null || !HOST.matcher(host).matches()) {
            throw new SpecViolation("host", "a host name or address such as audit.internal or 10.0.0.5");
        }
        if (port < 1 || port > 65535) {
            throw new SpecViolation("port", "a port between 1 and 65535");
        }
        if (database == null || !NAME.matcher(database).matches()) {
            throw new SpecViolation("database", "the audit server's database name");
        }
        if (remoteUser == null || !NAME.matcher(remoteUser).matches()) {
            throw new SpecViolation("remoteUser", "the audit server's insert-only writer login");
        }
        if (credential == null || !NAME.matcher(credential).matches()) {
            throw new SpecViolation("credential", "the name of a credential configured in Planetary (planetary.credentials.<name>.password)");
        }
        target = TargetId.orDefault(target);
    }

    public ConnectAuditSpec(Identifier server, String host, int port, String database, String remoteUser, String credential) {
        this(server, host, port, database, remoteUser, credential, null);
    }

    /** The same connection, for the target it is proposed on (whatever target a client named). */
    public ConnectAuditSpec on(TargetId proposedOn) {
        return new ConnectAuditSpec(server, host, port, database, remoteUser, credential, proposedOn);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        UserMapping mapping = new UserMapping(Grantee.PUBLIC, server);
        PlanBuilder plan = PlanBuilder.summarised("Connect the target to the audit server " + host + ":" + port + "/" + database
                        + " as " + remoteUser + " (password from credential " + credential + ")")
                .touches(ObjectRef.function(AUDIT_FUNCTION))
                .touches(ObjectRef.table(FOREIGN_TABLE))
                .changes(CatalogEffect.extension(POSTGRES_FDW))
                .changes(CatalogEffect.foreignServer(server))
                .changes(CatalogEffect.userMapping(server, null))
                .changes(CatalogEffect.schema(PLATFORM))
                .changes(CatalogEffect.relation(FOREIGN_TABLE))
                .changes(CatalogEffect.function(AUDIT_FUNCTION))
                .statement(new CreateExtension(POSTGRES_FDW.name(), true).sql())
                .statement(new CreateServer(server, POSTGRES_FDW.name(), List.of(new FdwOption("host", SqlLiteral.string(host)),
                        new FdwOption("port", SqlLiteral.string(String.valueOf(port))),
                        new FdwOption("dbname", SqlLiteral.string(database)))).sql())
                .statementWithCredential(mapping.create(List.of(new FdwOption("user", SqlLiteral.string(remoteUser)),
                        new FdwOption("password", Statement.SECRET))), credential)
                .statement(new CreateSchema(PLATFORM, true).sql())
                .statement(new CreateForeignTable(FOREIGN_TABLE, FOREIGN_COLUMNS, server,
                        List.of(new FdwOption("schema_name", SqlLiteral.plain("audit")),
                                new FdwOption("table_name", SqlLiteral.plain("row_change")))).sql())
                .statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.RELATION, FOREIGN_TABLE.quoted(), List.of(Grantee.PUBLIC)).sql())
                .statement(CreateFunction.of(AUDIT_FUNCTION, List.of(), "trigger", "plpgsql",
                                "\n" + AUDIT_BODY.replace(TARGET_PLACEHOLDER, SqlLiteral.plain(target.value())) + "\n",
                                DollarQuote.PLATFORM)
                        .asSecurityDefiner().withSearchPath(CreateFunction.SYSTEM_SEARCH_PATH).sql())
                .statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.FUNCTION, AUDIT_FUNCTION.quoted() + "()", List.of(Grantee.PUBLIC)).sql())
                .inverse(new DropFunction(AUDIT_FUNCTION.quoted() + "()", false).sql())
                .inverse(new Drop(Drop.Kind.FOREIGN_TABLE, FOREIGN_TABLE.quoted(), false).sql())
                .inverse(mapping.drop())
                .inverse(new Drop(Drop.Kind.SERVER, server.quoted(), false).sql());
        return plan.build();
    }

    private static CreateForeignTable.Column column(String name, String type) {
        return new CreateForeignTable.Column(name, TypeName.of(type));
    }

    /**
     * One audit row per row written: when, which transaction, where, what, who (session_user: the
     * login, not a SECURITY DEFINER role), the claims in force (app.tenant_id, app.user_id and
     * PostgREST's request.jwt.claims: custom settings cannot be listed, so the claims Planetary's
     * policy templates use are named), and the row before and after.
     */
    private static final String TARGET_PLACEHOLDER = "<target>";
    private static final String AUDIT_BODY = """
            DECLARE
                claims jsonb := nullif(jsonb_strip_nulls(jsonb_build_object(
                    'app.tenant_id', nullif(current_setting('app.tenant_id', true), ''),
                    'app.user_id', nullif(current_setting('app.user_id', true), ''),
                    'request.jwt.claims', nullif(current_setting('request.jwt.claims', true), '')::jsonb)), '{}'::jsonb);
            BEGIN
                INSERT INTO "planetary"."audit_row_change" VALUES (clock_timestamp(), txid_current(), current_database(),
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP, session_user::text, claims,
                    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END, CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END, <target>);
                RETURN NULL;
            EXCEPTION WHEN OTHERS THEN
                IF TG_NARGS > 0 AND TG_ARGV[0] = 'fail-open' THEN
                    RAISE WARNING 'audit row for %.% not written (fail-open): %', TG_TABLE_SCHEMA, TG_TABLE_NAME, SQLERRM;
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION 'the audit server cannot record this write to %.%, so it is refused: %',
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, SQLERRM USING ERRCODE = 'external_routine_exception';
            END""";
}
