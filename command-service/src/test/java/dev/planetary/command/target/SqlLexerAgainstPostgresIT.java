package dev.planetary.command.target;

import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.testsupport.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the lexer that checks SQL fragments with PostgreSQL itself, on generated fragments.
 * <ul>
 * <li>Literals of every quoting, with hostile contents and comments between them: the server's
 * values must be the ones the lexer delimited, so every token boundary agrees.</li>
 * <li>Random sequences of quotes, dollar quotes, comments, semicolons and parentheses: whatever the
 * fragment check accepts, the server never reads a second statement in, and the closing parenthesis
 * Planetary adds is the one that closes the expression.</li>
 * </ul>
 */
class SqlLexerAgainstPostgresIT {

    /** Pieces of contents that trip lexers: quotes, comment starts, dollar tags, line breaks, non-ASCII. */
    private static final List<String> TRICKY = List.of("a", "Z", " ", "'", "\\", ";", ")", "(", "--", "/*", "*/", "$",
            "$a$", "$é$", "$€$", "$a€$", "\"", "\n", "\r", "\t", "\f", "\u000B", "é", "€", "·", "\u00A0", "😀", "E'",
            "U&", "{fn now()}", "?", "$1", "x$");
    private static final List<String> TAGS = List.of("", "a", "tag_1", "é", "a€", "€", "ä_1", "Z9");
    private static final List<String> HOSTILE = List.of("'", "E'", "e'", "U&'", "B'", "N'", "''", "\"", "U&\"", "$", "$$",
            "$a$", "$é$", "$a€$", "$€$", "$1", "--", "/*", "*/", ";", ";", "(", ")", "(", ")", "[", "]", "\\", "\n", "\r",
            "\u000B", " ", " ", "x", "1", "e", "*", "-", "+", "=", ",", "true", "SELECT", " GRANT ALL ON t TO PUBLIC ",
            "é", "€", "{fn now()}", "?", ":", "::", "x$", "\u00A0");

    private static Connection connection;

    /** {@code driverMisreads}: an E'' literal continued on the next line, which pgjdbc reads as a new plain literal. */
    record Literal(String sql, String value, boolean driverMisreads) {
        Literal(String sql, String value) {
            this(sql, value, false);
        }
    }

    record Fragment(String sql, List<String> values, boolean driverMisreads) {
    }

    @BeforeContainer
    static void connect() throws SQLException {
        connection = TestPostgres.server().connect("postgres");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET standard_conforming_strings = on");
            statement.execute("SET statement_timeout = '2s'");
        }
    }

    @AfterContainer
    static void disconnect() throws SQLException {
        connection.close();
    }

    @Property(tries = 1000)
    void everyLiteralEndsWherePostgresEndsIt(@ForAll("literalLists") Fragment fragment) throws SQLException {
        SqlFragment checked = SqlFragment.of(fragment.sql());
        String sql = "SELECT " + checked.parenthesized();
        if (!DriverStatements.sentAsOne(sql)) {
            // The lexer agrees with the server here, pgjdbc does not: such a fragment is refused at proposal
            // (DriverSplitCheck) and never run. Only the known disagreement may lead here.
            assertThat(fragment.driverMisreads()).as("pgjdbc would split %s", sql).isTrue();
            Statistics.label("driver").collect("would split: refused at proposal");
            return;
        }

        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                Array array = rows.getArray(1);
                assertThat(Arrays.asList((Object[]) array.getArray())).as(sql).isEqualTo(fragment.values());
            }
        } finally {
            connection.rollback();
        }
    }

    @Property(tries = 1500)
    void noAcceptedFragmentHoldsASecondStatement(@ForAll("hostileFragments") String text) throws SQLException {
        SqlFragment fragment;
        try {
            fragment = SqlFragment.of(text);
        } catch (IllegalArgumentException refused) {
            fragment = null;
        }
        Statistics.label("fragment check").collect(fragment == null ? "refused" : "accepted");
        // The property says nothing unless many hostile fragments get through the check to the server.
        Statistics.label("fragment check").coverage(coverage -> coverage.check("accepted").percentage(p -> p >= 10));
        if (fragment == null) {
            return;
        }
        String sql = "SELECT " + fragment.parenthesized() + " AS planetary_probe";
        if (!DriverStatements.sentAsOne(sql)) {
            // Refused at proposal (DriverSplitCheck) and never run (PlanRunner): nothing to ask the server.
            Statistics.label("driver").collect("would split: refused before running");
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            try (ResultSet rows = statement.executeQuery(sql)) {
                assertThat(rows.getMetaData().getColumnCount()).as(sql).isEqualTo(1);
                assertThat(rows.getMetaData().getColumnLabel(1)).as(sql).isEqualTo("planetary_probe");
                Statistics.label("server").collect("ran");
            } catch (SQLException e) {
                assertThat(e.getMessage()).as(sql).doesNotContain("multiple commands");
                Statistics.label("server").collect("refused: " + e.getSQLState());
            }
        } finally {
            connection.rollback();
        }
    }

    @Provide
    Arbitrary<Fragment> literalLists() {
        Arbitrary<String> separator = Arbitraries.oneOf(
                Arbitraries.of(", ", ",", " ,\n", ",\r"),
                content().map(c -> ", /* " + c.replace("*/", "").replace("/*", "") + " /* nested */ */ "),
                content().map(c -> ", -- " + c.replace("\n", "").replace("\r", "") + "\n"));
        return Combinators.combine(literal().list().ofMinSize(1).ofMaxSize(5), separator.list().ofSize(5))
                .as((literals, separators) -> {
                    StringBuilder sql = new StringBuilder("ARRAY[");
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < literals.size(); i++) {
                        sql.append(i == 0 ? "" : separators.get(i)).append(literals.get(i).sql());
                        values.add(literals.get(i).value());
                    }
                    return new Fragment(sql.append("]::text[]").toString(), values,
                            literals.stream().anyMatch(Literal::driverMisreads));
                });
    }

    @Provide
    Arbitrary<String> hostileFragments() {
        return Arbitraries.of(HOSTILE).list().ofMinSize(1).ofMaxSize(14).map(pieces -> String.join("", pieces))
                .filter(text -> !text.isBlank());
    }

    private static Arbitrary<String> content() {
        return Arbitraries.of(TRICKY).list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    private static Arbitrary<Literal> literal() {
        return Arbitraries.oneOf(
                content().map(c -> new Literal("'" + c.replace("'", "''") + "'", c)),
                content().map(c -> new Literal("E'" + escaped(c) + "'", c)),
                content().map(c -> new Literal("U&'" + c.replace("'", "''").replace("\\", "\\\\") + "'", c)),
                Combinators.combine(content(), Arbitraries.of(TAGS)).as(SqlLexerAgainstPostgresIT::dollarQuoted)
                        .filter(literal -> literal != null),
                // a literal continued on the next line, with a comment before the break
                Combinators.combine(content(), content(), Arbitraries.of("\n", "\r\n", " -- note\n  ", "\n-- line\n"))
                        .as((a, b, gap) -> new Literal("'" + a.replace("'", "''") + "'" + gap + "'" + b.replace("'", "''") + "'", a + b)),
                // the continuation of an E'' literal keeps its backslash escapes
                Combinators.combine(content(), content())
                        .as((a, b) -> new Literal("E'" + escaped(a) + "'\n'" + escaped(b) + "'", a + b, true)));
    }

    private static String escaped(String content) {
        return content.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static Literal dollarQuoted(String content, String tagName) {
        String tag = "$" + tagName + "$";
        return (content + tag).indexOf(tag) == content.length() ? new Literal(tag + content + tag, content) : null;
    }
}
