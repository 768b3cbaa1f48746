package dev.planetary.kernel.plan;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/** A database object a change touches, for history lookups ("what changed app.invoice?"). */
public record ObjectRef(ObjectKind kind, String name) {

    public enum ObjectKind {
        TABLE, SCHEMA, FUNCTION, ROLE, POLICY, TRIGGER, INDEX, PARAMETER, JOB, PUBLICATION, SLOT, FOREIGN_SERVER
    }

    public static ObjectRef table(QualifiedName table) {
        return new ObjectRef(ObjectKind.TABLE, table.display());
    }

    public static ObjectRef index(QualifiedName index) {
        return new ObjectRef(ObjectKind.INDEX, index.display());
    }

    /** A server parameter (work_mem), as ALTER SYSTEM and per-role settings change it. */
    public static ObjectRef parameter(String name) {
        return new ObjectRef(ObjectKind.PARAMETER, name);
    }

    /** A pg_cron job, by name. */
    public static ObjectRef job(String name) {
        return new ObjectRef(ObjectKind.JOB, name);
    }

    public static ObjectRef publication(Identifier publication) {
        return new ObjectRef(ObjectKind.PUBLICATION, publication.name());
    }

    public static ObjectRef foreignServer(Identifier server) {
        return new ObjectRef(ObjectKind.FOREIGN_SERVER, server.name());
    }

    /** A replication slot, by name. */
    public static ObjectRef slot(String name) {
        return new ObjectRef(ObjectKind.SLOT, name);
    }

    public static ObjectRef schema(Identifier schema) {
        return new ObjectRef(ObjectKind.SCHEMA, schema.name());
    }

    public static ObjectRef role(Identifier role) {
        return new ObjectRef(ObjectKind.ROLE, role.name());
    }

    public static ObjectRef function(QualifiedName function) {
        return new ObjectRef(ObjectKind.FUNCTION, function.display());
    }

    public static ObjectRef policy(QualifiedName table, Identifier policy) {
        return new ObjectRef(ObjectKind.POLICY, table.display() + "." + policy.name());
    }

    public static ObjectRef trigger(QualifiedName table, Identifier trigger) {
        return new ObjectRef(ObjectKind.TRIGGER, table.display() + "." + trigger.name());
    }
}
