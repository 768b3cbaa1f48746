package dev.planetary.kernel.ddl;

import java.util.regex.Pattern;

/**
 * {@code CREATE EXTENSION [IF NOT EXISTS] name}. Extension names are the lower-case words of the
 * server's installed extensions ({@code postgres_fdw}), written bare; other names are refused.
 */
public record CreateExtension(String name, boolean ifNotExists) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public CreateExtension {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an extension name: " + name);
        }
    }

    public String sql() {
        return "CREATE EXTENSION " + (ifNotExists ? "IF NOT EXISTS " : "") + name;
    }
}
