package dev.planetary.kernel.spec.function;

/** The procedural languages a function can be written in here. PL/Python is untrusted: only superusers create its functions. */
public enum FunctionLanguage {
    PLPGSQL,
    SQL,
    PLPYTHON3U;

    /** The language name as CREATE FUNCTION takes it. */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean trusted() {
        return this != PLPYTHON3U;
    }
}
