package dev.planetary.kernel.spec;

public enum SchemaPrivilege {
    USAGE,
    CREATE
}
