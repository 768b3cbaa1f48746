-- Table constraints with their columns in key order and PostgreSQL's own definition text.
SELECT con.oid, con.conrelid AS table_oid, n.nspname AS schema, c.relname AS "table", con.conname AS name,
       con.contype::text AS kind,
       ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = k) FROM unnest(con.conkey) k) AS columns,
       fn.nspname AS referenced_schema, fc.relname AS referenced_table,
       ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attnum = k) FROM unnest(con.confkey) k) AS referenced_columns,
       con.confupdtype::text AS on_update, con.confdeltype::text AS on_delete,
       con.condeferrable AS deferrable, con.condeferred AS initially_deferred, con.convalidated AS validated,
       pg_get_constraintdef(con.oid, true) AS definition
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.conrelid <> 0
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:relation AS oid) IS NULL OR con.conrelid = :relation)
ORDER BY con.conrelid, con.conname COLLATE "C"
