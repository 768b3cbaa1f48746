package dev.planetary.kernel.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SqlLiteralTest {

    @Test
    void stringDoublesQuotesAndBackslashesInAnEscapeString() {
        assertThat(SqlLiteral.string("it's \\ ü")).isEqualTo("E'it''s \\\\ ü'");
    }

    @Test
    void plainConstantIsWrittenWithoutE() {
        assertThat(SqlLiteral.plain("fail-open")).isEqualTo("'fail-open'");
        assertThat(SqlLiteral.plain("row_change.v2")).isEqualTo("'row_change.v2'");
    }

    @Test
    void plainRefusesAnythingThatWouldNeedEscaping() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.plain("it's"));
        assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.plain("a\\b"));
        assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.plain("a b"));
        assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.plain(""));
        assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.plain(null));
    }
}
