package dev.planetary.kernel.sql;

import dev.planetary.kernel.sql.SqlToken.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Token boundaries on cases taken from PostgreSQL 15's scan.l; SqlLexerAgainstPostgresIT compares with the server itself. */
class SqlLexerTest {

    private static List<String> significant(String sql) {
        return SqlLexer.tokens(sql).stream().filter(t -> !t.is(Type.WHITESPACE) && !t.is(Type.LINE_COMMENT) && !t.is(Type.BLOCK_COMMENT)).map(t -> t.type() + ":" + t.text()).toList();
    }

    @Test
    void tokensCoverTheTextWithoutGaps() {
        String sql = "SELECT a.\"b c\", E'x\\'y', $t$ ; $t$ /* a /* b */ c */ -- end\n::text";
        List<SqlToken> tokens = SqlLexer.tokens(sql);
        StringBuilder joined = new StringBuilder();
        tokens.forEach(t -> joined.append(t.text()));
        assertThat(joined.toString()).isEqualTo(sql);
        for (int i = 1; i < tokens.size(); i++) {
            assertThat(tokens.get(i).start()).isEqualTo(tokens.get(i - 1).end());
        }
    }

    @Test
    void stringsOfEveryKind() {
        assertThat(significant("'a''b' E'\\'' N'n' U&'\\0061' B'01' X'ff'")).containsExactly(
                "STRING:'a''b'", "STRING:E'\\''", "STRING:N'n'", "STRING:U&'\\0061'", "STRING:B'01'", "STRING:X'ff'");
    }

    @Test
    void bitStringsDoNotDoubleQuotes() {
        assertThat(significant("B'01'' ; '")).containsExactly("STRING:B'01'", "STRING:' ; '");
    }

    @Test
    void aWordEndingInEIsNotAnEscapeString() {
        assertThat(significant("name'\\'")).containsExactly("WORD:name", "STRING:'\\'");
    }

    @Test
    void stringsSeparatedByALineBreakAreOneLiteral() {
        assertThat(significant("'a' -- note\n  'b' 'c'")).containsExactly("STRING:'a' -- note\n  'b'", "STRING:'c'");
        assertThat(significant("'a'\n-- whole line\n'b'")).containsExactly("STRING:'a'\n-- whole line\n'b'");
        assertThat(significant("'a' /* no */\n'b'")).containsExactly("STRING:'a'", "STRING:'b'");
    }

    @Test
    void dollarQuotes() {
        assertThat(significant("$$a$$ $é$ $ $é$ $a_1$x$a$y$a_1$ $1 x$y$")).containsExactly(
                "DOLLAR_STRING:$$a$$", "DOLLAR_STRING:$é$ $ $é$", "DOLLAR_STRING:$a_1$x$a$y$a_1$", "PARAMETER:$1", "WORD:x$y$");
    }

    @Test
    void aDollarSignThatStartsNoQuoteIsAloneAndTheWordAfterItIsAWord() {
        assertThat(significant("$abc + 1")).containsExactly("OTHER:$", "WORD:abc", "OPERATOR:+", "NUMBER:1");
    }

    @Test
    void commentsNestAndLineCommentsEndAtEitherLineBreak() {
        assertThat(significant("/* a /* b */ ; */ x -- y\rz")).containsExactly(
                "WORD:x", "WORD:z");
        assertThat(SqlLexer.tokens("/* a /* b */").get(0).complete()).isFalse();
    }

    @Test
    void operatorsStopWhereACommentStarts() {
        assertThat(significant("a <=-- c\n>= b +/* x */- c")).containsExactly(
                "WORD:a", "OPERATOR:<=", "OPERATOR:>=", "WORD:b", "OPERATOR:+", "OPERATOR:-", "WORD:c");
    }

    @Test
    void everyNonAsciiCharacterIsAnIdentifierCharacter() {
        assertThat(significant("a\u00A0b €x ñ$")).containsExactly("WORD:a\u00A0b", "WORD:€x", "WORD:ñ$");
    }

    @Test
    void verticalTabIsNotWhitespaceInPostgres15() {
        assertThat(SqlLexer.tokens("a\u000Bb").stream().map(SqlToken::type).toList())
                .containsExactly(Type.WORD, Type.OTHER, Type.WORD);
    }

    @Test
    void numbersAndPunctuation() {
        assertThat(significant("1.5e-3 .5 1..2 x::int $2[1]")).containsExactly("NUMBER:1.5e-3", "NUMBER:.5", "NUMBER:1",
                "PUNCTUATION:..", "NUMBER:2", "WORD:x", "PUNCTUATION:::", "WORD:int", "PARAMETER:$2",
                "PUNCTUATION:[", "NUMBER:1", "PUNCTUATION:]");
    }

    @Test
    void unterminatedTokensRunToTheEndAndSaySo() {
        for (String sql : List.of("'abc", "E'abc\\'", "\"abc", "$x$ abc", "/* abc", "U&'abc")) {
            List<SqlToken> tokens = SqlLexer.tokens(sql);
            assertThat(tokens).hasSize(1);
            assertThat(tokens.get(0).complete()).as(sql).isFalse();
            assertThat(tokens.get(0).end()).isEqualTo(sql.length());
        }
    }
}
