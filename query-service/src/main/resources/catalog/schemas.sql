-- Schemas of the database, without PostgreSQL's own (pg_*, information_schema).
SELECT n.oid, n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner, d.description AS comment
FROM pg_namespace n
LEFT JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
ORDER BY n.nspname
