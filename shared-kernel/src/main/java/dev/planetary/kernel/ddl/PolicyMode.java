package dev.planetary.kernel.ddl;

public enum PolicyMode {
    PERMISSIVE,
    RESTRICTIVE
}
