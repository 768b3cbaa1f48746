package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.Identifier;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (...)}: where a foreign-data wrapper
 * connects. The wrapper is an extension's lower-case name ({@code postgres_fdw}), written bare.
 * Drop it with {@code Drop.Kind.SERVER}.
 */
public record CreateServer(Identifier name, String wrapper, List<FdwOption> options) {

    private static final Pattern WRAPPER = Pattern.compile("[a-z][a-z0-9_]*");

    public CreateServer {
        if (wrapper == null || !WRAPPER.matcher(wrapper).matches()) {
            throw new IllegalArgumentException("not a wrapper name: " + wrapper);
        }
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String sql() {
        return "CREATE SERVER " + name.quoted() + " FOREIGN DATA WRAPPER " + wrapper
                + (options.isEmpty() ? "" : " " + FdwOption.clause(options));
    }
}
