package dev.planetary.bench;

import java.util.Map;

/**
 * The floor for each object kind: the smallest pg_catalog scan returning the same rows, with no
 * deparsing beyond type names. Introspection cannot be faster than reading these rows.
 */
final class Floors {

    private static final String USER_SCHEMA = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

    static final Map<String, String> SQL = Map.ofEntries(
            Map.entry("tables", "SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r','p','f') AND " + USER_SCHEMA),
            Map.entry("columns", "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                    + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','p','f','v','m') AND " + USER_SCHEMA),
            Map.entry("constraints", "SELECT con.oid, c.relname, con.conname FROM pg_constraint con "
                    + "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA),
            Map.entry("indexes", "SELECT i.indexrelid, ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                    + "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE " + USER_SCHEMA),
            Map.entry("views", "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('v','m') AND " + USER_SCHEMA),
            Map.entry("functions", "SELECT p.oid, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA),
            Map.entry("triggers", "SELECT t.oid, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND " + USER_SCHEMA),
            Map.entry("policies", "SELECT p.oid, p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA),
            Map.entry("privileges", "SELECT c.oid, (aclexplode(COALESCE(c.relacl, acldefault('r', c.relowner)))).* FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','f','S') AND " + USER_SCHEMA
                    + " UNION ALL SELECT a.attrelid, (aclexplode(a.attacl)).* FROM pg_attribute a WHERE a.attacl IS NOT NULL"
                    + " UNION ALL SELECT p.oid, (aclexplode(COALESCE(p.proacl, acldefault('f', p.proowner)))).* FROM pg_proc p "
                    + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA),
            Map.entry("roles+memberships", "SELECT oid, rolname FROM pg_roles UNION ALL SELECT roleid, member::text::name FROM pg_auth_members"));

    private Floors() {
    }
}
