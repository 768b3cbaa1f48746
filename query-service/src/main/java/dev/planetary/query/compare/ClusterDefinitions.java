package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;

import java.util.List;
import java.util.stream.Collectors;

import static dev.planetary.query.compare.Names.identifier;
import static dev.planetary.query.compare.Names.qualified;
import static dev.planetary.query.compare.RelationDefinitions.comment;
import static dev.planetary.query.compare.RelationDefinitions.line;

/**
 * Canonical text of what surrounds the schemas: roles (their attributes and memberships),
 * extensions, event triggers, publications, and default privileges (named by whose objects, where
 * and of which type; their grants are compared as any object's).
 */
final class ClusterDefinitions {

    /** How a role's membership line starts (MakeAlike tells memberships from the other attributes). */
    static final String MEMBER_OF = "MEMBER OF ";

    private ClusterDefinitions() {
    }

    /** {@code memberships}: those in which this role is the member. */
    static String role(Catalog.Role role, List<Catalog.Membership> memberships) {
        StringBuilder text = new StringBuilder();
        line(text, "ROLE " + identifier(role.name()));
        line(text, String.join(" ", role.login() ? "LOGIN" : "NOLOGIN", role.superuser() ? "SUPERUSER" : "NOSUPERUSER",
                role.inherit() ? "INHERIT" : "NOINHERIT", role.createRole() ? "CREATEROLE" : "NOCREATEROLE",
                role.createDb() ? "CREATEDB" : "NOCREATEDB", role.replication() ? "REPLICATION" : "NOREPLICATION",
                role.bypassRls() ? "BYPASSRLS" : "NOBYPASSRLS"));
        if (role.connectionLimit() >= 0) {
            line(text, "CONNECTION LIMIT " + role.connectionLimit());
        }
        if (role.validUntil() != null) {
            line(text, "VALID UNTIL " + role.validUntil());
        }
        memberships.stream().map(m -> MEMBER_OF + identifier(m.role()) + (m.adminOption() ? " WITH ADMIN OPTION" : ""))
                .sorted().forEach(membership -> line(text, membership));
        comment(text, role.comment());
        return text.toString();
    }

    static String extension(Catalog.Extension extension) {
        StringBuilder text = new StringBuilder();
        line(text, "EXTENSION " + identifier(extension.name()));
        line(text, "SCHEMA " + identifier(extension.schema()));
        line(text, "VERSION " + extension.installedVersion());
        return text.toString();
    }

    static String eventTrigger(Catalog.EventTrigger trigger) {
        StringBuilder text = new StringBuilder();
        line(text, "EVENT TRIGGER " + identifier(trigger.name()) + " ON " + trigger.event());
        if (!trigger.tags().isEmpty()) {
            line(text, "WHEN TAG IN (" + trigger.tags().stream().sorted().map(Names::literal).collect(Collectors.joining(", ")) + ")");
        }
        line(text, "EXECUTE FUNCTION " + qualified(trigger.functionSchema(), trigger.functionName()) + "()");
        line(text, trigger.enabled().name());
        line(text, "OWNER " + identifier(trigger.owner()));
        return text.toString();
    }

    static String publication(Catalog.Publication publication) {
        StringBuilder text = new StringBuilder();
        line(text, "PUBLICATION " + identifier(publication.name()));
        if (publication.allTables()) {
            line(text, "FOR ALL TABLES");
        }
        publication.tables().stream().map(ClusterDefinitions::published).sorted().forEach(table -> line(text, "TABLE " + table));
        publication.schemas().stream().sorted().forEach(schema -> line(text, "TABLES IN SCHEMA " + identifier(schema)));
        line(text, "PUBLISH " + String.join(", ", List.of(publication.insert() ? "insert" : "", publication.update() ? "update" : "",
                publication.delete() ? "delete" : "", publication.truncate() ? "truncate" : "").stream()
                .filter(s -> !s.isEmpty()).toList()));
        line(text, "OWNER " + identifier(publication.owner()));
        return text.toString();
    }

    private static String published(Catalog.PublishedTable table) {
        return qualified(table.schema(), table.table())
                + (table.columns().isEmpty() ? "" : table.columns().stream().map(Names::identifier).collect(Collectors.joining(", ", " (", ")")))
                + (table.rowFilter() == null ? "" : " WHERE (" + table.rowFilter() + ")");
    }

    /** {@code FOR ROLE "app_owner" IN SCHEMA "app" ON TABLES}: default privileges are told apart by these three. */
    static String defaultPrivilegesName(Catalog.DefaultPrivilege privilege) {
        return "FOR ROLE " + identifier(privilege.owner()) + (privilege.schema() == null ? "" : " IN SCHEMA "
                + identifier(privilege.schema())) + " ON " + privilege.objectType();
    }
}
