package dev.planetary.kernel.spec.privilege;

public enum SchemaPrivilege {
    USAGE,
    CREATE
}
