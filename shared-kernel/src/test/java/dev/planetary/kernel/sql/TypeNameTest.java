package dev.planetary.kernel.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TypeNameTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "integer",
            "character varying(20)",
            "numeric(10, 2)",
            "numeric(10,2)",
            "text[]",
            "integer[][]",
            "app.money",
            "double precision",
            "timestamp with time zone",
            "_int4",
    })
    void acceptsPlainTypeNames(String name) {
        assertThat(TypeName.of(name).name()).isEqualTo(name);
        assertThat(TypeName.of(name)).hasToString(name);
    }

    @org.junit.jupiter.api.Test
    void surroundingWhitespaceIsStripped() {
        assertThat(TypeName.of("  integer\t").name()).isEqualTo("integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "int; drop",
            "\"x\"",
            "",
            "   ",
            "Integer",
            "integer)",
            "numeric(10, 2); DROP TABLE t",
            "int -- comment",
            "a.b.c",
            "text[",
            "varchar(n)",
            "numeric(10,  2)",
            "1integer",
            "int,text",
    })
    void rejectsAnythingElse(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> TypeName.of(name))
                .withMessageContaining("not a type name");
    }

    @ParameterizedTest
    @NullSource
    void rejectsNull(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> TypeName.of(name));
    }
}
