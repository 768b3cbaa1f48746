-- Indexes with their key columns or expressions, partial predicate, state, size (planner's page
-- count) and scans. The full CREATE INDEX text needs the index opened (relcache) and doubles the
-- cost at 30,000 indexes: it comes only with one relation (:relation), for its page.
SELECT i.indexrelid AS oid, i.indrelid AS table_oid, n.nspname AS schema, t.relname AS "table", ic.relname AS name,
       am.amname AS method,
       ARRAY(SELECT CASE WHEN i.indkey[k - 1] <> 0
                         THEN (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
                         ELSE pg_get_indexdef(i.indexrelid, k, true) END
             FROM generate_series(1, i.indnkeyatts) k) AS keys,
       -- per key, what CREATE INDEX would add to it: a non-default operator class, DESC, and NULLS
       -- FIRST/LAST where it is not the default for the direction ('' when none); read from
       -- pg_index itself, without opening the index as pg_get_indexdef would
       ARRAY(SELECT concat_ws(' ', CASE WHEN NOT opc.opcdefault THEN quote_ident(opc.opcname) END,
                              CASE WHEN i.indoption[k - 1] & 1 = 1 THEN 'DESC' END,
                              CASE WHEN i.indoption[k - 1] & 3 = 2 THEN 'NULLS FIRST'
                                   WHEN i.indoption[k - 1] & 3 = 1 THEN 'NULLS LAST' END)
             FROM generate_series(1, i.indnkeyatts) k
             LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1]
             ORDER BY k) AS key_options,
       ARRAY(SELECT a.attname::text FROM generate_series(i.indnkeyatts + 1, i.indnatts) k
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
             ORDER BY k) AS include,
       CASE WHEN i.indpred IS NOT NULL THEN pg_get_expr(i.indpred, i.indrelid, true) END AS predicate,
       i.indisunique AS "unique", i.indisprimary AS "primary", i.indisvalid AS valid, i.indisready AS ready,
       i.indisexclusion AS exclusion, ic.relkind = 'I' AS partitioned,
       ic.relpages::bigint * current_setting('block_size')::bigint AS size_bytes,
       pg_stat_get_numscans(i.indexrelid) AS scans,
       CASE WHEN CAST(:relation AS oid) IS NOT NULL THEN pg_get_indexdef(i.indexrelid) END AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:relation AS oid) IS NULL OR i.indrelid = :relation)
ORDER BY i.indrelid, ic.relname
