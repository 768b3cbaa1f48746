package dev.planetary.ui.views;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlHighlighterTest {

    @Test
    void aDollarQuoteEndsWherePostgresEndsItSoASmuggledStatementShowsAsCode() {
        assertThat(SqlHighlighter.html("USING ($a€$'$a€$) ; GRANT ALL ON t TO PUBLIC; --'"))
                .isEqualTo("<span class=\"sql-keyword\">USING</span> (<span class=\"sql-string\">$a€$'$a€$</span>) ; "
                        + "<span class=\"sql-keyword\">GRANT</span> <span class=\"sql-keyword\">ALL</span> "
                        + "<span class=\"sql-keyword\">ON</span> t <span class=\"sql-keyword\">TO</span> "
                        + "<span class=\"sql-keyword\">PUBLIC</span>; <span class=\"sql-comment\">--'</span>");
    }

    @Test
    void aFunctionBodyPlanetaryQuotedIsHighlightedAsCodeButOtherDollarStringsAreStrings() {
        assertThat(SqlHighlighter.html("AS $function$BEGIN RETURN 1; END$function$"))
                .isEqualTo("<span class=\"sql-keyword\">AS</span> <span class=\"sql-string\">$function$</span>"
                        + "<span class=\"sql-keyword\">BEGIN</span> <span class=\"sql-keyword\">RETURN</span> "
                        + "<span class=\"sql-number\">1</span>; <span class=\"sql-keyword\">END</span>"
                        + "<span class=\"sql-string\">$function$</span>");
        assertThat(SqlHighlighter.html("$x$ SELECT $x$")).isEqualTo("<span class=\"sql-string\">$x$ SELECT $x$</span>");
    }

    @Test
    void unterminatedTextIsMarkedAndEverythingIsEscaped() {
        assertThat(SqlHighlighter.html("a < '<b>")).isEqualTo("a &lt; <span class=\"sql-string sql-unterminated\">'&lt;b&gt;</span>");
        assertThat(SqlHighlighter.html("\"x\" /* c")).isEqualTo("<span class=\"sql-identifier\">&quot;x&quot;</span> "
                + "<span class=\"sql-comment sql-unterminated\">/* c</span>");
    }
}
