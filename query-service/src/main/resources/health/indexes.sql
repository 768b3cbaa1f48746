-- Every index of the user's tables with what it answers (key columns or expressions, their operator
-- classes and collations, INCLUDE columns, predicate), its size from the planner's page count (no
-- lock, no stat()), its scans since the statistics were reset, and the constraint it backs.
-- The whole definition is not printed here (pg_get_indexdef costs as much again at 30,000 indexes):
-- the page rebuilds it from the parts.
-- Indexes of extensions' tables are left out.
SELECT i.indexrelid AS oid, n.nspname AS schema, t.relname AS table_name, ic.relname AS name, am.amname AS method,
       i.indisunique AS is_unique, i.indisvalid AS is_valid, i.indisready AS is_ready, i.indnkeyatts AS key_count,
       -- the table column's name as pg_get_indexdef prints it, the deparser only for expressions (it costs
       -- ten times as much); generate_series yields the positions in order, so no sort per index. Most
       -- indexes have one column: for them a scalar lookup, without a set-returning function per index
       -- (a third of the query's time at 30,000 indexes)
       CASE WHEN i.indnatts = 1 AND i.indkey[0] <> 0
            THEN ARRAY[(SELECT quote_ident(ta.attname) FROM pg_attribute ta WHERE ta.attrelid = i.indrelid AND ta.attnum = i.indkey[0])]
            ELSE ARRAY(SELECT CASE WHEN i.indkey[k] = 0 THEN pg_get_indexdef(i.indexrelid, k + 1, true)
                                   ELSE (SELECT quote_ident(ta.attname) FROM pg_attribute ta
                                         WHERE ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k]) END
                       FROM generate_series(0, i.indnatts - 1) k) END AS columns,
       i.indclass::oid[] AS opclasses, i.indcollation::oid[] AS collations,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       c.conname AS constraint_name,
       ic.relpages::bigint * current_setting('block_size')::bigint AS bytes,
       pg_stat_get_numscans(i.indexrelid) AS scans, pg_stat_get_tuples_returned(i.indexrelid) AS tuples_read,
       pg_stat_get_tuples_fetched(i.indexrelid) AS tuples_fetched
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
WHERE t.relkind IN ('r', 'm', 'p')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND t.oid NOT IN (SELECT d.objid FROM pg_extension x
                    JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = x.oid
                    WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
ORDER BY n.nspname, t.relname, ic.relname
