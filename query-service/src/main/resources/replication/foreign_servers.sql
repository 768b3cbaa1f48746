-- The database's foreign servers with their options (postgres_fdw takes no password as a server option; others
-- that look secret are left out by the reader).
SELECT s.srvname, w.fdwname, pg_catalog.pg_get_userbyid(s.srvowner) AS owner, COALESCE(s.srvoptions, '{}') AS options
FROM pg_catalog.pg_foreign_server s
JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
ORDER BY s.srvname
