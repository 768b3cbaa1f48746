package dev.planetary.kernel.ddl;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One option of a foreign server, user mapping or foreign table: {@code host E'audit.internal'}.
 * The name is the wrapper's lower-case option word; the value a constant as the caller rendered it
 * ({@code SqlLiteral}, or {@code Statement.SECRET} where the executor puts a credential).
 */
public record FdwOption(String name, String value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public FdwOption {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an option name: " + name);
        }
        Objects.requireNonNull(value, "value");
    }

    /** {@code OPTIONS (a x, b y)}, in the order given. */
    static String clause(List<FdwOption> options) {
        return "OPTIONS (" + options.stream().map(o -> o.name + " " + o.value).collect(Collectors.joining(", ")) + ")";
    }
}
