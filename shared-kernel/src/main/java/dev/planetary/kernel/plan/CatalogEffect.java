package dev.planetary.kernel.plan;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;

/**
 * One part of the catalog a plan declares it may change: the privileges of a table, one policy,
 * a function's definition. The dry-run and the apply compare the catalog before and after the
 * plan, inside its transaction, and refuse any change to a part no effect declares, so a statement
 * smuggled into a plan cannot grant, drop or replace anything the reviewers were not shown.
 * {@code object} is the object's name with every part quoted ({@code "app"."invoice"}), as the
 * catalog comparison names it; a created or dropped object covers its privileges and the policies
 * and triggers on it.
 */
public record CatalogEffect(Kind kind, String object) {

    public enum Kind {
        /** A table, view, sequence, index or foreign table: columns, defaults, constraints, owner, options, view query. */
        RELATION("definition of"),
        RELATION_PRIVILEGES("privileges on"),
        ROW_SECURITY("row security of"),
        POLICY("policy"),
        TRIGGER("trigger"),
        /** Every overload of a function name: code, arguments, result, security, settings, owner. */
        FUNCTION("function"),
        FUNCTION_PRIVILEGES("privileges on function"),
        SCHEMA("schema"),
        SCHEMA_PRIVILEGES("privileges on schema"),
        ROLE("role"),
        /** The members of a role. */
        MEMBERSHIP("members of role"),
        DEFAULT_PRIVILEGES("default privileges of"),
        DATABASE("database"),
        TYPE("type"),
        EXTENSION("extension"),
        FOREIGN_SERVER("foreign server"),
        USER_MAPPING("user mapping"),
        EVENT_TRIGGER("event trigger"),
        PUBLICATION("publication"),
        LANGUAGE("language");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    public static CatalogEffect relation(QualifiedName relation) {
        return new CatalogEffect(Kind.RELATION, relation.quoted());
    }

    public static CatalogEffect relationPrivileges(QualifiedName relation) {
        return new CatalogEffect(Kind.RELATION_PRIVILEGES, relation.quoted());
    }

    public static CatalogEffect rowSecurity(QualifiedName table) {
        return new CatalogEffect(Kind.ROW_SECURITY, table.quoted());
    }

    public static CatalogEffect policy(QualifiedName table, Identifier policy) {
        return new CatalogEffect(Kind.POLICY, table.quoted() + "." + policy.quoted());
    }

    public static CatalogEffect trigger(QualifiedName table, Identifier trigger) {
        return new CatalogEffect(Kind.TRIGGER, table.quoted() + "." + trigger.quoted());
    }

    public static CatalogEffect function(QualifiedName function) {
        return new CatalogEffect(Kind.FUNCTION, function.quoted());
    }

    public static CatalogEffect functionPrivileges(QualifiedName function) {
        return new CatalogEffect(Kind.FUNCTION_PRIVILEGES, function.quoted());
    }

    public static CatalogEffect schema(Identifier schema) {
        return new CatalogEffect(Kind.SCHEMA, schema.quoted());
    }

    public static CatalogEffect schemaPrivileges(Identifier schema) {
        return new CatalogEffect(Kind.SCHEMA_PRIVILEGES, schema.quoted());
    }

    /** A role's attributes and its defaults (ALTER ROLE ... SET), in every database and in the target's. */
    public static CatalogEffect role(Identifier role) {
        return new CatalogEffect(Kind.ROLE, role.quoted());
    }

    /** The target database's owner, privileges, limits and own defaults (ALTER DATABASE ... SET). */
    public static CatalogEffect database(Identifier database) {
        return new CatalogEffect(Kind.DATABASE, database.quoted());
    }

    public static CatalogEffect membership(Identifier role) {
        return new CatalogEffect(Kind.MEMBERSHIP, role.quoted());
    }

    public static CatalogEffect extension(Identifier extension) {
        return new CatalogEffect(Kind.EXTENSION, extension.quoted());
    }

    public static CatalogEffect foreignServer(Identifier server) {
        return new CatalogEffect(Kind.FOREIGN_SERVER, server.quoted());
    }

    /** A publication: its operations, its tables with their column lists and row filters, its owner. */
    public static CatalogEffect publication(Identifier publication) {
        return new CatalogEffect(Kind.PUBLICATION, publication.quoted());
    }

    /** A user mapping of {@code server} for {@code user}, or for PUBLIC when {@code user} is null. */
    public static CatalogEffect userMapping(Identifier server, Identifier user) {
        return new CatalogEffect(Kind.USER_MAPPING, server.quoted() + "." + (user == null ? "PUBLIC" : user.quoted()));
    }

    /** For people: {@code privileges on "app"."invoice"}. */
    public String display() {
        return kind.words + " " + object;
    }
}
