package dev.planetary.kernel.health;

import java.util.regex.Pattern;

/**
 * A statement as pg_stat_statements keeps it, made ready to PREPARE. Normalisation replaces each
 * constant by a parameter, also in a typed literal: {@code DATE '2026-03-01'} becomes {@code DATE $2},
 * which is no longer SQL; written as the cast {@code $2::DATE} it means the same and can be planned.
 */
public final class NormalisedStatement {

    private static final Pattern TYPED_PARAMETER = Pattern.compile(
            "(?i)(?<![\\w$.\"])(date|time(?:stamp)?(?:\\s+with(?:out)?\\s+time\\s+zone)?|timestamptz|timetz|interval|"
                    + "numeric|decimal|bigint|integer|int|smallint|real|double\\s+precision|text|varchar|char|uuid|jsonb?|"
                    + "bool(?:ean)?|inet|cidr|bytea)\\s+\\$(\\d+)");

    /** What the application runs, as opposed to DDL, grants and maintenance (Planetary's own applies among them). */
    private static final Pattern DATA_STATEMENT = Pattern.compile(
            "(?is)^\\s*(?:/\\*.*?\\*/\\s*)*(select|with|insert|update|delete|merge|call|values|table)\\b.*");

    private NormalisedStatement() {
    }

    public static boolean readsOrWritesData(String normalised) {
        return DATA_STATEMENT.matcher(normalised).matches();
    }

    public static String preparable(String normalised) {
        return TYPED_PARAMETER.matcher(normalised).replaceAll("\\$$2::$1");
    }
}
