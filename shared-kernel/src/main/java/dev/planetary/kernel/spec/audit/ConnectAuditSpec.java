package dev.planetary.kernel.spec.audit;

import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import java.util.List;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.plan.Statement;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlLiteral;

import java.util.regex.Pattern;

/**
 * Connects the target to the audit server through postgres_fdw: the foreign server, a user
 * mapping whose password is the configured credential {@code credential} (by name: the secret is
 * put in by the executor and never stored), the foreign table over {@code audit.row_change}, and
 * the audit trigger function that per-table audit changes attach. The function is SECURITY
 * DEFINER (only its owner may write the foreign table) and fails closed: when the audit server
 * cannot be reached, the audited write fails rather than going unaudited, unless the trigger was
 * attached with {@code 'fail-open'}.
 */
public record ConnectAuditSpec(Identifier server, String host, int port, String database, String remoteUser,
                               String credential) implements ChangeSpec {

    public static final String KIND = "connect-audit";
    static final Identifier PLATFORM = Identifier.of("planetary");
    private static final Identifier POSTGRES_FDW = Identifier.of("postgres_fdw");
    static final QualifiedName FOREIGN_TABLE = new QualifiedName(PLATFORM, Identifier.of("audit_row_change"));
    static final QualifiedName AUDIT_FUNCTION = new QualifiedName(PLATFORM, Identifier.of("audit_row"));
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
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
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
                .statement("CREATE EXTENSION IF NOT EXISTS postgres_fdw")
                .statement("CREATE SERVER " + server.quoted() + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host "
                        + SqlLiteral.string(host) + ", port " + SqlLiteral.string(String.valueOf(port)) + ", dbname "
                        + SqlLiteral.string(database) + ")")
                .statementWithCredential("CREATE USER MAPPING FOR PUBLIC SERVER " + server.quoted() + " OPTIONS (user "
                        + SqlLiteral.string(remoteUser) + ", password " + Statement.SECRET + ")", credential)
                .statement("CREATE SCHEMA IF NOT EXISTS " + PLATFORM.quoted())
                .statement("CREATE FOREIGN TABLE " + FOREIGN_TABLE.quoted() + " (occurred_at timestamptz, transaction_id bigint,"
                        + " database_name text, schema_name text, table_name text, operation text, session_user_name text,"
                        + " claims jsonb, old_row jsonb, new_row jsonb) SERVER " + server.quoted()
                        + " OPTIONS (schema_name 'audit', table_name 'row_change')")
                .statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.RELATION, FOREIGN_TABLE.quoted(), List.of(Grantee.PUBLIC)).sql())
                .statement("CREATE FUNCTION " + AUDIT_FUNCTION.quoted() + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                        + " SET search_path = pg_catalog, pg_temp AS " + DollarQuote.around("\n" + AUDIT_BODY + "\n", DollarQuote.PLATFORM))
                .statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.FUNCTION, AUDIT_FUNCTION.quoted() + "()", List.of(Grantee.PUBLIC)).sql())
                .inverse("DROP FUNCTION " + AUDIT_FUNCTION.quoted() + "()")
                .inverse("DROP FOREIGN TABLE " + FOREIGN_TABLE.quoted())
                .inverse("DROP USER MAPPING FOR PUBLIC SERVER " + server.quoted())
                .inverse("DROP SERVER " + server.quoted());
        return plan.build();
    }

    /**
     * One audit row per row written: when, which transaction, where, what, who (session_user: the
     * login, not a SECURITY DEFINER role), the claims in force (app.tenant_id, app.user_id and
     * PostgREST's request.jwt.claims: custom settings cannot be listed, so the claims Planetary's
     * policy templates use are named), and the row before and after.
     */
    private static final String AUDIT_BODY = """
            DECLARE
                claims jsonb := nullif(jsonb_strip_nulls(jsonb_build_object(
                    'app.tenant_id', nullif(current_setting('app.tenant_id', true), ''),
                    'app.user_id', nullif(current_setting('app.user_id', true), ''),
                    'request.jwt.claims', nullif(current_setting('request.jwt.claims', true), '')::jsonb)), '{}'::jsonb);
            BEGIN
                INSERT INTO "planetary"."audit_row_change" VALUES (clock_timestamp(), txid_current(), current_database(),
                    TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP, session_user::text, claims,
                    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END, CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
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
