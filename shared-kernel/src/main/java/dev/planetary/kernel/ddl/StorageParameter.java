package dev.planetary.kernel.ddl;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The per-table storage parameters Planetary sets ({@code ALTER TABLE ... SET (...)}), each with its type
 * and the range PostgreSQL 15 accepts (reloptions.c), so a value is checked before it is proposed and
 * rendered as a plain number or boolean: nothing a person types reaches the SQL text.
 */
public enum StorageParameter {
    FILLFACTOR(Type.INTEGER, 10, 100),
    AUTOVACUUM_ENABLED(Type.BOOLEAN, 0, 0),
    AUTOVACUUM_VACUUM_THRESHOLD(Type.INTEGER, 0, Integer.MAX_VALUE),
    AUTOVACUUM_VACUUM_SCALE_FACTOR(Type.REAL, 0, 100),
    AUTOVACUUM_VACUUM_INSERT_THRESHOLD(Type.INTEGER, -1, Integer.MAX_VALUE),
    AUTOVACUUM_VACUUM_INSERT_SCALE_FACTOR(Type.REAL, 0, 100),
    AUTOVACUUM_ANALYZE_THRESHOLD(Type.INTEGER, 0, Integer.MAX_VALUE),
    AUTOVACUUM_ANALYZE_SCALE_FACTOR(Type.REAL, 0, 100),
    AUTOVACUUM_VACUUM_COST_DELAY(Type.REAL, 0, 100),
    AUTOVACUUM_VACUUM_COST_LIMIT(Type.INTEGER, 1, 10_000),
    AUTOVACUUM_FREEZE_MAX_AGE(Type.INTEGER, 100_000, 2_000_000_000),
    TOAST_TUPLE_TARGET(Type.INTEGER, 128, 8160),
    PARALLEL_WORKERS(Type.INTEGER, 0, 1024);

    /** How a value is written. */
    public enum Type { INTEGER, REAL, BOOLEAN }

    private final Type type;
    private final long min;
    private final long max;

    StorageParameter(Type type, long min, long max) {
        this.type = type;
        this.min = min;
        this.max = max;
    }

    /** The name PostgreSQL knows it by: {@code autovacuum_vacuum_scale_factor}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Type type() {
        return type;
    }

    /** The parameter PostgreSQL names {@code name}, or null. */
    public static StorageParameter named(String name) {
        for (StorageParameter parameter : values()) {
            if (parameter.sqlName().equals(name)) {
                return parameter;
            }
        }
        return null;
    }

    /** The value as PostgreSQL will be sent it; an IllegalArgumentException says why one is refused. */
    public String valid(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (type == Type.BOOLEAN) {
            if (text.equals("true") || text.equals("on")) {
                return "true";
            }
            if (text.equals("false") || text.equals("off")) {
                return "false";
            }
            throw new IllegalArgumentException(sqlName() + " is true or false, not '" + value + "'");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(sqlName() + " is a number, not '" + value + "'");
        }
        if (type == Type.INTEGER && number.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(sqlName() + " is a whole number, not '" + value + "'");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(sqlName() + " goes from " + min + " to " + max + ", not " + value);
        }
        return number.stripTrailingZeros().toPlainString();
    }
}
