-- Row-level security policies. polroles {0} means PUBLIC.
SELECT pol.oid, pol.polrelid AS table_oid, n.nspname AS schema, c.relname AS "table", pol.polname AS name,
       pol.polcmd::text AS command, pol.polpermissive AS permissive,
       CASE WHEN pol.polroles = '{0}'::oid[] THEN ARRAY['PUBLIC']
            ELSE ARRAY(SELECT pg_get_userbyid(r)::text FROM unnest(pol.polroles) r ORDER BY 1) END AS roles,
       pg_get_expr(pol.polqual, pol.polrelid, true) AS using_expression,
       pg_get_expr(pol.polwithcheck, pol.polrelid, true) AS with_check_expression
FROM pg_policy pol
JOIN pg_class c ON c.oid = pol.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:relation AS oid) IS NULL OR pol.polrelid = :relation)
ORDER BY n.nspname, c.relname, pol.polname
