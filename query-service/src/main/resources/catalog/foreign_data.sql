-- Foreign-data wrappers (kind 'wrapper'), servers ('server') and foreign tables ('table') in one pass.
SELECT 'wrapper' AS kind, w.oid, NULL::text AS schema, w.fdwname AS name, NULL::text AS parent,
       w.fdwhandler::regproc::text AS handler, w.fdwvalidator::regproc::text AS validator,
       NULL::text AS type, NULL::text AS version, pg_get_userbyid(w.fdwowner) AS owner,
       COALESCE(w.fdwoptions, ARRAY[]::text[]) AS options
FROM pg_foreign_data_wrapper w
UNION ALL
SELECT 'server', s.oid, NULL, s.srvname, w.fdwname, NULL, NULL, s.srvtype, s.srvversion, pg_get_userbyid(s.srvowner),
       COALESCE(s.srvoptions, ARRAY[]::text[])
FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
UNION ALL
SELECT 'table', c.oid, n.nspname, c.relname, s.srvname, NULL, NULL, NULL, NULL, pg_get_userbyid(c.relowner),
       COALESCE(ft.ftoptions, ARRAY[]::text[])
FROM pg_foreign_table ft
JOIN pg_class c ON c.oid = ft.ftrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_foreign_server s ON s.oid = ft.ftserver
ORDER BY 1, 3 NULLS FIRST, 4
