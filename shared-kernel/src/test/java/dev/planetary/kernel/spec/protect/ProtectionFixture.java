package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.spec.TableFacts;

import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.Redaction;
import dev.planetary.kernel.spec.view.ViewColumn;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.TableFacts.DependentView;
import dev.planetary.kernel.spec.TableFacts.FactColumn;
import dev.planetary.kernel.spec.TableFacts.FactGrant;
import dev.planetary.kernel.spec.TableFacts.FactPolicy;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.GRANTEE;
import static dev.planetary.kernel.spec.Hostile.TABLE;

/**
 * A protection of the hostile table {@code "Mixed Case"."a""b"}: a key assigned by the server, a
 * tenant column with a space in its name, an e-mail and a card number to mask, a defaulted
 * amount; grants to PUBLIC and to a hostile role (one with grant option, one on a column); a
 * former policy; a dependent view owned by someone else.
 */
public final class ProtectionFixture {

    public static final Identifier OWNER = Identifier.of("own\"er");
    public static final Grantee READER = Grantee.of("app reader");

    private ProtectionFixture() {
    }

    public static TableFacts facts() {
        return new TableFacts(OWNER, false, false, false,
                List.of(new FactColumn(Identifier.of("id"), "bigint", true, null),
                        new FactColumn(Identifier.of("tenant id"), "text", false, null),
                        new FactColumn(Identifier.of("e\"mail"), "text", false, null),
                        new FactColumn(Identifier.of("card"), "character varying(19)", false, null),
                        new FactColumn(Identifier.of("amount"), "numeric(12,2)", false, SqlFragment.of("0")),
                        new FactColumn(Identifier.of("note"), "text", false, null)),
                List.of(Identifier.of("id")),
                List.of(new FactGrant(Grantee.PUBLIC, "SELECT", null, false),
                        new FactGrant(GRANTEE, "SELECT", null, true),
                        new FactGrant(GRANTEE, "UPDATE", null, true),
                        new FactGrant(READER, "SELECT", Identifier.of("e\"mail"), false)),
                List.of(new FactPolicy(Identifier.of("old\"rule"), PolicyCommand.SELECT, PolicyMode.PERMISSIVE,
                        List.of(READER), SqlFragment.of("note IS NOT NULL"), null)),
                List.of(new DependentView(QualifiedName.of("Mixed Case", "report"), Identifier.of("someone"))),
                List.of(READER));
    }

    public static AccessView fullView() {
        return new AccessView(Identifier.of("a\"b_v"),
                List.of(ViewColumn.plain("id"), ViewColumn.plain("tenant id"), ViewColumn.plain("e\"mail"),
                        ViewColumn.plain("amount")),
                List.of(GRANTEE),
                List.of(new ViewWrite(TriggerEvent.INSERT, "BEGIN\n    IF new_row.amount < 0 THEN RAISE EXCEPTION 'negative'; END IF;\n    RETURN new_row;\nEND"),
                        ViewWrite.of(TriggerEvent.UPDATE), ViewWrite.of(TriggerEvent.DELETE)));
    }

    public static AccessView redactedView() {
        return new AccessView(Identifier.of("a\"b_redacted"),
                List.of(ViewColumn.plain("id"), ViewColumn.redacted("e\"mail", Redaction.MASK_EMAIL),
                        ViewColumn.redacted("card", Redaction.MASK_PAN), ViewColumn.redacted("note", Redaction.NULLIFY),
                        new ViewColumn(Identifier.of("tenant id"), Redaction.FUNCTION, QualifiedName.of("Mixed Case", "scramble"))),
                List.of(READER, GRANTEE), List.of());
    }

    public static RowPolicy tenantPolicy() {
        SqlFragment tenant = SqlFragment.of("\"tenant id\" = current_setting('app.tenant_id', true)");
        return new RowPolicy(Identifier.of("tenant\"isolation"), PolicyCommand.ALL, PolicyMode.PERMISSIVE, tenant, tenant);
    }

    public static ProtectTableSpec spec() {
        return new ProtectTableSpec(TABLE, List.of(fullView(), redactedView()), List.of(tenantPolicy()), facts());
    }
}
