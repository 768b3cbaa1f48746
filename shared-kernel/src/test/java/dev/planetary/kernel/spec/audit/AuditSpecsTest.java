package dev.planetary.kernel.spec.audit;

import dev.planetary.kernel.spec.drift.AdoptDriftSpec;
import dev.planetary.kernel.spec.drift.RevertDriftSpec;

import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.RiskLevel;
import dev.planetary.kernel.plan.Statement;
import org.junit.jupiter.api.Test;

import static dev.planetary.kernel.spec.Hostile.SCHEMA;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class AuditSpecsTest {

    @Test
    void theUserMappingShowsAMaskAndNamesTheCredentialTheExecutorPutsIn() {
        Plan plan = new ConnectAuditSpec(null, "audit.internal", 5432, "audit", "writer", "audit-writer").plan();
        Statement mapping = plan.statements().stream().filter(s -> s.sql().startsWith("CREATE USER MAPPING")).findFirst().orElseThrow();
        assertThat(mapping.sql()).isEqualTo("CREATE USER MAPPING FOR PUBLIC SERVER \"planetary_audit\" OPTIONS (user E'writer',"
                + " password '********')");
        assertThat(mapping.credential()).isEqualTo("audit-writer");
        assertThat(plan.statements().stream().filter(s -> s.credential() != null)).hasSize(1);
        assertThat(statements(plan)).contains("CREATE SERVER \"planetary_audit\" FOREIGN DATA WRAPPER postgres_fdw OPTIONS"
                + " (host E'audit.internal', port E'5432', dbname E'audit')");
        assertThat(inverse(plan)).containsExactly("DROP FUNCTION \"planetary\".\"audit_row\"()",
                "DROP FOREIGN TABLE \"planetary\".\"audit_row_change\"", "DROP USER MAPPING FOR PUBLIC SERVER \"planetary_audit\"",
                "DROP SERVER \"planetary_audit\"");
        assertThat(plan.script()).contains("SECURITY DEFINER", "SET search_path = pg_catalog, pg_temp", "fail-open");
    }

    @Test
    void badConnectionDetailsAreRefusedNamingTheField() {
        assertViolation("host", () -> new ConnectAuditSpec(null, "x'; DROP", 5432, "audit", "w", "c"));
        assertViolation("port", () -> new ConnectAuditSpec(null, "h", 0, "audit", "w", "c"));
        assertViolation("credential", () -> new ConnectAuditSpec(null, "h", 5432, "audit", "w", "a b"));
        assertViolation("remoteUser", () -> new ConnectAuditSpec(null, "h", 5432, "audit", null, "c"));
    }

    @Test
    void auditingIsFailClosedByDefaultAndFailOpenOrStoppingIsHighRisk() {
        Plan closed = new AuditTableSpec(TABLE, true, false).plan();
        assertThat(statements(closed)).containsExactly("CREATE TRIGGER \"planetary_audit\" AFTER INSERT OR UPDATE OR DELETE ON"
                + " \"Mixed Case\".\"a\"\"b\" FOR EACH ROW EXECUTE FUNCTION \"planetary\".\"audit_row\"()");
        assertThat(closed.risk()).isEqualTo(RiskLevel.LOW);
        Plan open = new AuditTableSpec(TABLE, true, true).plan();
        assertThat(statements(open).get(0)).endsWith("\"audit_row\"('fail-open')");
        assertThat(open.risk()).isEqualTo(RiskLevel.HIGH);
        Plan stop = new AuditTableSpec(TABLE, false, false).plan();
        assertThat(statements(stop)).containsExactly("DROP TRIGGER \"planetary_audit\" ON \"Mixed Case\".\"a\"\"b\"");
        assertThat(stop.risk()).isEqualTo(RiskLevel.HIGH);
        assertViolation("failOpen", () -> new AuditTableSpec(TABLE, false, true));
    }

    @Test
    void adoptingRunsNothingAndRevertingDropsTheCreatedObjectAsPostgresNamedIt() {
        Plan adopt = new AdoptDriftSpec("drift-7", "emergency index").plan();
        assertThat(adopt.statements()).isEmpty();
        assertThat(adopt.summary()).contains("drift-7", "emergency index");
        Plan revert = new RevertDriftSpec("drift-7", RevertDriftSpec.DriftObject.MATERIALIZED_VIEW, "app.\"Odd \"\"name\"").plan();
        assertThat(statements(revert)).containsExactly("DROP MATERIALIZED VIEW \"app\".\"Odd \"\"name\"");
        assertThat(revert.risk()).isEqualTo(RiskLevel.HIGH);
        assertViolation("identity", () -> new RevertDriftSpec("drift-7", RevertDriftSpec.DriftObject.TABLE, "app.t; DROP SCHEMA app"));
        assertViolation("identity", () -> new RevertDriftSpec("drift-7", RevertDriftSpec.DriftObject.TABLE, "app.\"t\"\"; x"));
        assertViolation("driftId", () -> new AdoptDriftSpec("42", "x"));
        assertViolation("reason", () -> new AdoptDriftSpec("drift-1", " "));
    }

    @Test
    void auditingASchemaFromCreationOnEditsPlanetarysListWithTheNameAsALiteral() {
        AuditSchemaSpec hostile = new AuditSchemaSpec(dev.planetary.kernel.sql.Identifier.of("it's \"odd\""), true);
        assertThat(statements(hostile.plan())).containsExactly("INSERT INTO \"planetary\".\"audit_auto_schema\" (schema_name)"
                + " VALUES (E'it''s \"odd\"') ON CONFLICT DO NOTHING");
        assertThat(inverse(hostile.plan())).containsExactly(
                "DELETE FROM \"planetary\".\"audit_auto_schema\" WHERE schema_name = E'it''s \"odd\"'");
        Plan stop = new AuditSchemaSpec(SCHEMA, false).plan();
        assertThat(statements(stop)).containsExactly(
                "DELETE FROM \"planetary\".\"audit_auto_schema\" WHERE schema_name = E'Mixed Case'");
        assertThat(stop.risk()).isEqualTo(RiskLevel.HIGH);
    }
}
