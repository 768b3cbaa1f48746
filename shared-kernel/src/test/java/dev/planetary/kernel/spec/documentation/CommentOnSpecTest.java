package dev.planetary.kernel.spec.documentation;

import dev.planetary.kernel.ddl.CommentOn.Target;
import dev.planetary.kernel.spec.PreviousComment;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.planetary.kernel.spec.Hostile.ROLE;
import static dev.planetary.kernel.spec.Hostile.SCHEMA;
import static dev.planetary.kernel.spec.Hostile.TABLE;
import static dev.planetary.kernel.spec.Hostile.assertViolation;
import static dev.planetary.kernel.spec.Hostile.inverse;
import static dev.planetary.kernel.spec.Hostile.statements;
import static org.assertj.core.api.Assertions.assertThat;

class CommentOnSpecTest {

    private static final Identifier COLUMN = Identifier.of("Card \"No\"");

    @Test
    void every_target_is_named_as_comment_on_spells_it_and_the_text_is_a_literal() {
        assertThat(statements(new CommentOnSpec(Target.TABLE, TABLE, null, null, "it's \\ here", null).plan()))
                .containsExactly("COMMENT ON TABLE \"Mixed Case\".\"a\"\"b\" IS E'it''s \\\\ here'");
        assertThat(statements(new CommentOnSpec(Target.COLUMN, TABLE, COLUMN, null, "x", null).plan()))
                .containsExactly("COMMENT ON COLUMN \"Mixed Case\".\"a\"\"b\".\"Card \"\"No\"\"\" IS E'x'");
        assertThat(statements(new CommentOnSpec(Target.FUNCTION, QualifiedName.of("Mixed Case", "f\"n"), null,
                List.of(TypeName.of("integer"), TypeName.of("text[]")), "x", null).plan()))
                .containsExactly("COMMENT ON FUNCTION \"Mixed Case\".\"f\"\"n\"(integer, text[]) IS E'x'");
        assertThat(statements(new CommentOnSpec(Target.POLICY, TABLE, Identifier.of("own\"rows"), null, "x", null).plan()))
                .containsExactly("COMMENT ON POLICY \"own\"\"rows\" ON \"Mixed Case\".\"a\"\"b\" IS E'x'");
        assertThat(statements(new CommentOnSpec(Target.ROLE, null, ROLE, null, "x", null).plan()))
                .containsExactly("COMMENT ON ROLE \"x\"\"; DROP TABLE t; --\" IS E'x'");
        assertThat(statements(new CommentOnSpec(Target.SCHEMA, null, SCHEMA, null, "  ", null).plan()))
                .containsExactly("COMMENT ON SCHEMA \"Mixed Case\" IS NULL");
    }

    @Test
    void the_inverse_puts_back_the_previous_comment_verbatim_or_removes_it() {
        PreviousComment old = new PreviousComment("  it's the \\old\\ one;\n-- kept as written ");
        assertThat(inverse(new CommentOnSpec(Target.COLUMN, TABLE, COLUMN, null, "new", old).plan()))
                .containsExactly("COMMENT ON COLUMN \"Mixed Case\".\"a\"\"b\".\"Card \"\"No\"\"\" IS E'  it''s the \\\\old\\\\ one;\n-- kept as written '");
        assertThat(inverse(new CommentOnSpec(Target.TRIGGER, TABLE, Identifier.of("stamp\"it"), null, "new", PreviousComment.NONE).plan()))
                .containsExactly("COMMENT ON TRIGGER \"stamp\"\"it\" ON \"Mixed Case\".\"a\"\"b\" IS NULL");
        assertThat(inverse(new CommentOnSpec(Target.ROLE, null, ROLE, null, null, new PreviousComment("was")).plan()))
                .containsExactly("COMMENT ON ROLE \"x\"\"; DROP TABLE t; --\" IS E'was'");
        assertThat(inverse(new CommentOnSpec(Target.FUNCTION, QualifiedName.of("Mixed Case", "f\"n"), null,
                List.of(TypeName.of("integer")), "x", new PreviousComment("was")).plan()))
                .containsExactly("COMMENT ON FUNCTION \"Mixed Case\".\"f\"\"n\"(integer) IS E'was'");
        assertThat(new CommentOnSpec(Target.SCHEMA, null, SCHEMA, null, "x", null).plan().inverseNote())
                .contains("read from the catalog");
    }

    @Test
    void a_target_named_the_wrong_way_is_refused_naming_the_field() {
        assertViolation("object", () -> new CommentOnSpec(Target.TABLE, null, null, null, "x", null));
        assertViolation("name", () -> new CommentOnSpec(Target.COLUMN, TABLE, null, null, "x", null));
        assertViolation("object", () -> new CommentOnSpec(Target.ROLE, TABLE, ROLE, null, "x", null));
        assertViolation("argumentTypes", () -> new CommentOnSpec(Target.TABLE, TABLE, null, List.of(TypeName.of("int")), "x", null));
        assertViolation("comment", () -> new CommentOnSpec(Target.TABLE, TABLE, null, null, "evil \u202e txt", null));
    }
}
