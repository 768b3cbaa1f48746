-- The role × object × privilege matrix: every grant on tables, views, sequences, columns, schemas
-- and functions. A NULL ACL means the built-in defaults (acldefault), which are listed too, so
-- the owner's and PUBLIC's implicit rights are part of the answer. Grantee 0 is PUBLIC.
WITH relation_acl AS (
    SELECT CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW'
                WHEN 'm' THEN 'MATERIALIZED_VIEW' WHEN 'f' THEN 'FOREIGN_TABLE' ELSE 'SEQUENCE' END AS object_type,
           -- text, not name: UNION ALL takes this type, and name would cut function signatures at 63 bytes
           c.oid AS object_oid, n.nspname AS schema, c.relname::text AS object, NULL::text AS "column",
           (aclexplode(COALESCE(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)))).*
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
      AND (CAST(:relation AS oid) IS NULL OR c.oid = :relation)
), column_acl AS (
    SELECT 'COLUMN' AS object_type, c.oid AS object_oid, n.nspname AS schema, c.relname AS object, a.attname::text AS "column",
           (aclexplode(a.attacl)).*
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
      AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
      AND (CAST(:relation AS oid) IS NULL OR c.oid = :relation)
), schema_acl AS (
    SELECT 'SCHEMA' AS object_type, n.oid AS object_oid, n.nspname AS schema, n.nspname AS object, NULL::text AS "column",
           (aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner)))).*
    FROM pg_namespace n
    WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
      AND CAST(:relation AS oid) IS NULL
), function_acl AS (
    SELECT 'FUNCTION' AS object_type, p.oid AS object_oid, n.nspname AS schema,
           p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS object, NULL::text AS "column",
           (aclexplode(COALESCE(p.proacl, acldefault('f', p.proowner)))).*
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
      AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
      AND CAST(:relation AS oid) IS NULL
), all_acl AS (
    SELECT * FROM relation_acl UNION ALL SELECT * FROM column_acl
    UNION ALL SELECT * FROM schema_acl UNION ALL SELECT * FROM function_acl
)
SELECT acl.object_type, acl.object_oid, acl.schema, acl.object, acl."column",
       CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(acl.grantee) END AS grantee,
       acl.privilege_type AS privilege, acl.is_grantable AS grantable, pg_get_userbyid(acl.grantor) AS grantor
FROM all_acl acl
WHERE CAST(:grantee AS text) IS NULL
   OR acl.grantee = CASE WHEN :grantee = 'PUBLIC' THEN 0 ELSE (SELECT r.oid FROM pg_roles r WHERE r.rolname = :grantee) END
ORDER BY acl.object_type, acl.object_oid, acl."column" NULLS FIRST, acl.grantee, acl.privilege_type
