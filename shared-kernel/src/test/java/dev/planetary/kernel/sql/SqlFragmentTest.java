package dev.planetary.kernel.sql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SqlFragmentTest {

    @Nested
    class Accepted {

        @Test
        void tenantIsolationExpression() {
            SqlFragment fragment = SqlFragment.of("tenant_id = current_setting('app.tenant_id', true)::uuid");
            assertThat(fragment.sql()).isEqualTo("tenant_id = current_setting('app.tenant_id', true)::uuid");
            assertThat(fragment.parenthesized()).isEqualTo("(tenant_id = current_setting('app.tenant_id', true)::uuid)");
        }

        @Test
        void semicolonAndParenthesisInsideAString() {
            assertThat(SqlFragment.of("note <> ';)'").parenthesized()).isEqualTo("(note <> ';)')");
        }

        @Test
        void doubledQuoteInsideAString() {
            assertThat(SqlFragment.of("note <> 'it''s; fine)'").sql()).isEqualTo("note <> 'it''s; fine)'");
        }

        @Test
        void escapeStringWithBackslashQuote() {
            assertThat(SqlFragment.of("note <> E'\\'; )'").sql()).isEqualTo("note <> E'\\'; )'");
        }

        @Test
        void quotedIdentifierContainingSemicolonAndParenthesis() {
            assertThat(SqlFragment.of("\"we;ird)\" = 1").parenthesized()).isEqualTo("(\"we;ird)\" = 1)");
        }

        @Test
        void quotedIdentifierWithDoubledQuote() {
            assertThat(SqlFragment.of("\"a\"\";b\" IS NULL").sql()).isEqualTo("\"a\"\";b\" IS NULL");
        }

        @Test
        void dollarQuotedStrings() {
            assertThat(SqlFragment.of("note <> $$;)$$").sql()).isEqualTo("note <> $$;)$$");
            assertThat(SqlFragment.of("note <> $tag$ $$ ; ) $tag$").sql()).isEqualTo("note <> $tag$ $$ ; ) $tag$");
        }

        @Test
        void positionalParameters() {
            assertThat(SqlFragment.of("id = $1 AND owner = $2").parenthesized()).isEqualTo("(id = $1 AND owner = $2)");
        }

        @Test
        void blockCommentsIncludingNestedOnes() {
            assertThat(SqlFragment.of("a = 1 /* ; ) */").sql()).isEqualTo("a = 1 /* ; ) */");
            assertThat(SqlFragment.of("a = 1 /* outer /* inner ; */ still ) comment */ AND b").sql())
                    .isEqualTo("a = 1 /* outer /* inner ; */ still ) comment */ AND b");
        }

        @Test
        void lineCommentFollowedByMoreExpression() {
            SqlFragment fragment = SqlFragment.of("a = 1 -- why ; )\nAND b = 2");
            assertThat(fragment.parenthesized()).isEqualTo("(a = 1 -- why ; )\nAND b = 2)");
        }

        @Test
        void balancedNestedParentheses() {
            assertThat(SqlFragment.of("(a = 1) OR ((b = 2))").parenthesized()).isEqualTo("((a = 1) OR ((b = 2)))");
        }

        @Test
        void surroundingWhitespaceIsStripped() {
            assertThat(SqlFragment.of("  \n a = 1 \n ").sql()).isEqualTo("a = 1");
        }

        @Test
        void nullGivesNoFragment() {
            assertThat(SqlFragment.of(null)).isNull();
        }

        @Test
        void toStringIsTheSql() {
            assertThat(SqlFragment.of("a = 1")).hasToString("a = 1");
        }
    }

    @Nested
    class Rejected {

        @Test
        void topLevelSemicolon() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("true; DROP TABLE t"))
                    .withMessageContaining("';'");
        }

        @Test
        void trailingSemicolon() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a = 1;"));
        }

        @Test
        void closingTheWrapperParenthesisAndOpeningAnother() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("true) OR (1=1"))
                    .withMessageContaining("closes a parenthesis it did not open");
        }

        @Test
        void leadingCloseParenthesis() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of(") OR (true"));
        }

        @Test
        void unclosedParenthesis() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("(a = 1"))
                    .withMessageContaining("1 parenthesis(es) open");
        }

        @Test
        void unterminatedString() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("note = 'abc"))
                    .withMessageContaining("unterminated string literal");
        }

        @Test
        void escapeStringWhoseOnlyQuoteIsEscaped() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("note = E'abc\\'"))
                    .withMessageContaining("unterminated string literal");
        }

        @Test
        void unterminatedQuotedIdentifier() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("\"abc = 1"))
                    .withMessageContaining("unterminated quoted identifier");
        }

        @Test
        void unterminatedBlockComment() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a = 1 /* ) "))
                    .withMessageContaining("unterminated comment");
        }

        @Test
        void unterminatedNestedBlockComment() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a = 1 /* /* */ ; "));
        }

        @Test
        void unterminatedDollarQuote() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a = $x$ ; "))
                    .withMessageContaining("unterminated dollar-quoted string");
        }

        @Test
        void nulCharacter() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a = 1\0"))
                    .withMessageContaining("NUL");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n\t"})
        void emptyOrBlank(String sql) {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of(sql))
                    .withMessageContaining("empty");
        }

        @Test
        void semicolonAfterALineCommentEnds() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a = 1 -- note\n; DROP TABLE t"));
        }

        @Test
        void semicolonAfterAStringEnds() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("note = ''';'; DROP TABLE t"));
        }
    }

    @Nested
    class ScannerAgreesWithPostgresLexer {

        // Each input below was run through PostgreSQL 15 wrapped as "CREATE POLICY ... USING (<fragment>)":
        // PostgreSQL executed the CREATE POLICY and then DROP TABLE t. The scanner must refuse them.

        @Test
        void escapePrefixMustBeItsOwnToken() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> SqlFragment.of("true OR name'\\' = '' ) ; DROP TABLE t; -- '"));
        }

        @Test
        void carriageReturnEndsALineComment() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> SqlFragment.of("true -- x\r) ; DROP TABLE t; SELECT (1"));
        }

        @Test
        void dollarInsideAnIdentifierDoesNotStartADollarQuote() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> SqlFragment.of("true OR EXISTS (SELECT 1 AS x$a$)) ; DROP TABLE t; -- $a$ )"));
        }

        @Test
        void dollarQuoteTagMayHoldAnyNonAsciiCharacter() {
            // The attack: a tag with a non-ASCII character (scan.l's dolq_cont is [A-Za-z\200-\377_0-9]).
            // PostgreSQL reads the dollar-quoted string $a€$'$a€$, then ") ; GRANT ...".
            assertThatIllegalArgumentException().isThrownBy(
                    () -> SqlFragment.of("$a€$'$a€$) ; GRANT ALL ON app.invoice TO PUBLIC; --'"))
                    .withMessageContaining("closes a parenthesis it did not open");
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("$€$ x $€$) ; SELECT (1"));
        }

        @Test
        void anEscapeStringKeepsItsEscapesAcrossAContinuation() {
            // E'a' <newline> '\' ...' is one literal: the continuation is still read with backslash escapes.
            assertThat(SqlFragment.of("note = E'a'\n'\\' ) ; SELECT (1'").sql()).isEqualTo("note = E'a'\n'\\' ) ; SELECT (1'");
        }

        @Test
        void aContinuationNeedsALineBreak() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("note = E'a' '\\' ) ; SELECT (1'"));
        }

        @Test
        void anOperatorEndsWhereACommentStarts() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a *--x\n) ; DROP TABLE t; SELECT (1"));
            assertThat(SqlFragment.of("a = 1 +/* ; ) */ 2").sql()).isEqualTo("a = 1 +/* ; ) */ 2");
        }

        @Test
        void unicodeEscapeStringsAndNamesQuoteLikeStandardOnes() {
            assertThat(SqlFragment.of("note = U&'d\\0061t'' ; )' UESCAPE '\\'").sql()).startsWith("note = U&");
            assertThat(SqlFragment.of("U&\"a;)\" IS NULL").sql()).isEqualTo("U&\"a;)\" IS NULL");
        }

        @Test
        void aNonBreakingSpaceIsPartOfAnIdentifierSoNoDollarQuoteStartsAfterIt() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("x\u00A0$a$ ; $a$"));
        }

        @Test
        void jdbcEscapesAndOtherCharactersPostgresHasNoTokenForAreRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("created_at < {fn now()}"))
                    .withMessageContaining("JDBC escapes");
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("a =\u000B1"));
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("$abc = 1"));
            assertThat(SqlFragment.of("note = '{fn now()}' AND tags ? 'x'").sql()).isEqualTo("note = '{fn now()}' AND tags ? 'x'");
        }

        @Test
        void bidirectionalControlsAreRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("role = 'admin\u202E' -- \u2066"))
                    .withMessageContaining("U+202E");
        }

        @Test
        void anUnpairedSurrogateIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlFragment.of("note = '\uD800'"))
                    .withMessageContaining("unpaired UTF-16 surrogate");
        }

        @Test
        void standaloneEscapePrefixIsAnEscapeString() {
            // E'\'' : the backslash escapes the quote, so the string ends at the last quote.
            assertThat(SqlFragment.of("note = E'\\'' AND x = 1").sql()).isEqualTo("note = E'\\'' AND x = 1");
        }

        @Test
        void standardStringBackslashIsLiteral() {
            // '\' is a complete string under standard_conforming_strings (the default).
            assertThat(SqlFragment.of("note = '\\'").sql()).isEqualTo("note = '\\'");
        }
    }

    @Nested
    class Parenthesized {

        @Test
        void closingParenthesisGoesOnANewLineAfterATrailingLineComment() {
            assertThat(SqlFragment.of("tenant_id = $1 -- the tenant").parenthesized())
                    .isEqualTo("(tenant_id = $1 -- the tenant\n)");
        }

        @Test
        void trailingNewlineAfterTheCommentIsStrippedSoTheNewlineIsAddedBack() {
            assertThat(SqlFragment.of("a = 1 -- note\n").parenthesized()).isEqualTo("(a = 1 -- note\n)");
        }

        @Test
        void commentOnlyEarlierInTheFragmentNeedsNoNewline() {
            assertThat(SqlFragment.of("a = 1 -- note\nAND b").parenthesized()).isEqualTo("(a = 1 -- note\nAND b)");
        }

        @Test
        void dashesInsideAStringAreNotAComment() {
            assertThat(SqlFragment.of("note = '-- x'").parenthesized()).isEqualTo("(note = '-- x')");
        }

        @Test
        void blockCommentAtTheEndNeedsNoNewline() {
            assertThat(SqlFragment.of("a = 1 /* -- */").parenthesized()).isEqualTo("(a = 1 /* -- */)");
        }
    }

    @Nested
    class Literals {

        @Test
        void plainString() {
            assertThat(SqlLiteral.string("abc")).isEqualTo("E'abc'");
        }

        @Test
        void singleQuoteIsDoubled() {
            assertThat(SqlLiteral.string("it's")).isEqualTo("E'it''s'");
        }

        @Test
        void backslashIsDoubled() {
            assertThat(SqlLiteral.string("C:\\path")).isEqualTo("E'C:\\\\path'");
        }

        @Test
        void backslashBeforeQuoteCannotEscapeIt() {
            assertThat(SqlLiteral.string("\\'")).isEqualTo("E'\\\\'''");
            assertThat(SqlLiteral.string("x\\")).isEqualTo("E'x\\\\'");
        }

        @Test
        void emptyString() {
            assertThat(SqlLiteral.string("")).isEqualTo("E''");
        }

        @Test
        void doubleQuoteAndSemicolonNeedNoEscape() {
            assertThat(SqlLiteral.string("\"; DROP TABLE t; --")).isEqualTo("E'\"; DROP TABLE t; --'");
        }

        @Test
        void nulIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.string("a\0"))
                    .withMessageContaining("NUL");
        }
    }
}
