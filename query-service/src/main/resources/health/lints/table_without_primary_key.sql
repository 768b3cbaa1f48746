-- Tables without a primary key: rows cannot be told apart for replication, updates through views or
-- PostgREST, and duplicates creep in.
SELECT n.nspname AS schema, c.relname AS name, format('%I.%I', n.nspname, c.relname) AS object,
       'no primary key' AS detail, NULL AS columns
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> 'planetary'
  AND NOT EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY 1, 2
