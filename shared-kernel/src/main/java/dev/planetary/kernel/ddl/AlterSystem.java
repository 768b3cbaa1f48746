package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlLiteral;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ALTER SYSTEM SET parameter = 'value'[, 'value' ...]} (a quoted list takes one constant per element)
 * or, with no value, {@code ALTER SYSTEM RESET parameter}. Also the rehearsal the dry-run runs instead, since
 * ALTER SYSTEM cannot run in a transaction: a check that the login may change the parameter and reload.
 */
public record AlterSystem(String parameter, List<String> elements) {

    /** A parameter's name: a word, or an extension's {@code prefix.word}; PostgreSQL folds it to lower case. */
    public static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public AlterSystem {
        if (parameter == null || !NAME.matcher(parameter).matches()) {
            throw new IllegalArgumentException("not a parameter name: " + parameter);
        }
        elements = elements == null ? null : List.copyOf(elements);
    }

    public String sql() {
        return elements == null ? "ALTER SYSTEM RESET " + quotedName(parameter) : "ALTER SYSTEM SET " + quotedName(parameter) + " = " + value(elements);
    }

    /** The value as SET writes it: one string constant per element ({@code ''} for none). */
    static String value(List<String> elements) {
        return elements.isEmpty() ? SqlLiteral.string("") : elements.stream().map(SqlLiteral::string).collect(Collectors.joining(", "));
    }

    /**
     * What the dry-run runs instead: fails, with the GRANT that would fix it, when the login may not
     * ALTER SYSTEM this parameter (PostgreSQL 15's parameter privileges) or may not call pg_reload_conf().
     */
    public String rehearsal() {
        String name = SqlLiteral.plain(parameter);
        String code = """

                BEGIN
                  IF NOT pg_catalog.has_parameter_privilege(%1$s, 'ALTER SYSTEM') THEN
                    RAISE EXCEPTION 'login %% may not change %2$s with ALTER SYSTEM', current_user USING ERRCODE = '42501',
                      HINT = 'a superuser runs: GRANT ALTER SYSTEM ON PARAMETER %2$s TO ' || pg_catalog.quote_ident(current_user);
                  END IF;
                  IF NOT pg_catalog.has_function_privilege('pg_catalog.pg_reload_conf()', 'EXECUTE') THEN
                    RAISE EXCEPTION 'login %% may not reload the configuration', current_user USING ERRCODE = '42501',
                      HINT = 'a superuser runs: GRANT EXECUTE ON FUNCTION pg_catalog.pg_reload_conf() TO ' || pg_catalog.quote_ident(current_user);
                  END IF;
                END
                """.formatted(name, parameter);
        return "DO " + DollarQuote.around(code, DollarQuote.PLATFORM);
    }

    /** A parameter's name quoted part by part ({@code "pg_stat_statements"."max"}). */
    static String quotedName(String parameter) {
        return Arrays.stream(parameter.split("\\.")).map(part -> Identifier.of(part).quoted()).collect(Collectors.joining("."));
    }
}
