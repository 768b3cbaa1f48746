-- Indexes with their key columns or expressions, partial predicate, state, size and scans.
SELECT i.indexrelid AS oid, i.indrelid AS table_oid, n.nspname AS schema, t.relname AS "table", ic.relname AS name,
       am.amname AS method,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[] AS keys,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       i.indisunique AS "unique", i.indisprimary AS "primary", i.indisvalid AS valid, i.indisready AS ready,
       pg_relation_size(i.indexrelid) AS size_bytes,
       pg_stat_get_numscans(i.indexrelid) AS scans,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:relation AS oid) IS NULL OR i.indrelid = :relation)
ORDER BY n.nspname, t.relname, ic.relname
