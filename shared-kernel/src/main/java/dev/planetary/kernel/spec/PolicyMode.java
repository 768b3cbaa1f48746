package dev.planetary.kernel.spec;

public enum PolicyMode {
    PERMISSIVE,
    RESTRICTIVE
}
