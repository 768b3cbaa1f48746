package dev.planetary.kernel.spec.replication;

import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.replication.ForeignServerFacts;
import dev.planetary.kernel.replication.ForeignServerFacts.Mapping;
import dev.planetary.kernel.spec.Hostile;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

/** Dropping a foreign server: its mappings first, then the server; created again as it was unless a password is involved. */
class DropForeignServerSpecTest {

    private static final Identifier SERVER = Identifier.of("ware\"house");

    @Test
    void drops_the_mappings_then_the_server_with_hostile_names_quoted_and_creates_both_again_as_the_inverse() {
        ForeignServerFacts facts = new ForeignServerFacts(true, "postgres_fdw", List.of("host=db.internal", "dbname=it's"),
                List.of(new Mapping(Hostile.ROLE.name(), "reader"), new Mapping("public", null)), true, 0);
        Plan plan = new DropForeignServerSpec(SERVER, facts).plan();
        assertThat(statements(plan)).containsExactly("DROP USER MAPPING FOR \"x\"\"; DROP TABLE t; --\" SERVER \"ware\"\"house\"",
                "DROP USER MAPPING FOR PUBLIC SERVER \"ware\"\"house\"", "DROP SERVER \"ware\"\"house\"");
        assertThat(inverse(plan)).containsExactly(
                "CREATE SERVER \"ware\"\"house\" FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host E'db.internal', dbname E'it''s')",
                "CREATE USER MAPPING FOR \"x\"\"; DROP TABLE t; --\" SERVER \"ware\"\"house\" OPTIONS (user E'reader')",
                "CREATE USER MAPPING FOR PUBLIC SERVER \"ware\"\"house\"");
    }

    @Test
    void a_mapping_with_a_password_leaves_no_inverse_and_foreign_tables_refuse_the_drop() {
        Plan plan = new DropForeignServerSpec(SERVER, new ForeignServerFacts(true, "postgres_fdw", List.of(),
                List.of(new Mapping("app_writer", "writer")), false, 0)).plan();
        assertThat(plan.inverse()).isEmpty();
        assertThat(plan.inverseNote()).contains("password");
        assertViolation("server", () -> new DropForeignServerSpec(SERVER, new ForeignServerFacts(true, "postgres_fdw", List.of(),
                List.of(), true, 2)));
        assertViolation("server", () -> new DropForeignServerSpec(SERVER, ForeignServerFacts.NONE));
    }
}
