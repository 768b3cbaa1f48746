-- An estimate of the space every table and btree index holds beyond what its live rows need, from the
-- planner's statistics: the row count (reltuples) times an estimated row size (line pointer, tuple
-- header, NULL bitmap, the columns' average widths from planetary.column_widths(): widths and NULL
-- shares only, never values), packed at the fillfactor, against the pages the relation has (relpages).
-- Known blind spots, flagged per row: no statistics (never analyzed), TOAST (values stored out of line
-- are not in the heap estimate), alignment (padding between columns of mixed alignment is not counted,
-- so the row size is a lower bound and bloat an upper one). No row is read.
WITH widths AS (SELECT * FROM planetary.column_widths()),
tables AS (
    SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relpages::bigint AS pages, c.reltuples,
           COALESCE((SELECT substr(o, 12)::int FROM unnest(c.reloptions) o WHERE o LIKE 'fillfactor=%'), 100) AS fillfactor,
           count(a.attnum) AS columns, count(w.attnum) AS columns_with_statistics,
           COALESCE(sum((1 - w.null_frac) * w.avg_width), 0) AS data_width,
           COALESCE(bool_or(w.null_frac > 0), false) AS has_nulls,
           count(DISTINCT t.typalign) > 1 AS mixed_alignment,
           COALESCE((SELECT tc.relpages FROM pg_class tc WHERE tc.oid = c.reltoastrelid), 0) > 0 AS toasted
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN widths w ON w.relid = c.oid AND w.attnum = a.attnum
    WHERE c.relkind IN ('r', 'm') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    GROUP BY c.oid, n.nspname, c.relname
),
indexes AS (
    SELECT i.indexrelid AS oid, n.nspname AS schema, ic.relname AS name, t.relname AS table_name, ic.relpages::bigint AS pages,
           ic.reltuples,
           COALESCE((SELECT substr(o, 12)::int FROM unnest(ic.reloptions) o WHERE o LIKE 'fillfactor=%'), 90) AS fillfactor,
           i.indnkeyatts AS columns,
           count(COALESCE(wc.attnum, we.attnum)) AS columns_with_statistics,
           COALESCE(sum((1 - COALESCE(wc.null_frac, we.null_frac)) * COALESCE(wc.avg_width, we.avg_width)), 0) AS data_width
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL generate_series(0, i.indnkeyatts - 1) k
    -- a column's width comes from the table's statistics, an expression's from the index's own
    LEFT JOIN widths wc ON i.indkey[k] <> 0 AND wc.relid = i.indrelid AND wc.attnum = i.indkey[k]
    LEFT JOIN widths we ON i.indkey[k] = 0 AND we.relid = i.indexrelid AND we.attnum = k + 1
    WHERE t.relkind IN ('r', 'm') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    GROUP BY i.indexrelid, ic.oid, t.oid, n.nspname, i.indnkeyatts
)
SELECT 'table' AS kind, oid, schema, name, NULL AS table_name, pages * current_setting('block_size')::bigint AS bytes,
       current_setting('block_size')::bigint * CASE WHEN reltuples < 0 OR reltuples > 0 AND columns_with_statistics < columns THEN NULL
            -- 4-byte line pointer, 23-byte header (+ NULL bitmap) aligned to 8, the data aligned to 8
            ELSE ceil(reltuples * (4 + CASE WHEN has_nulls THEN 24 + 8 * ceil(columns / 64.0) ELSE 24 END
                                     + 8 * ceil(data_width / 8))
                      / ((current_setting('block_size')::int - 24) * fillfactor / 100.0)) END AS expected_bytes,
       reltuples < 0 OR reltuples > 0 AND columns_with_statistics < columns AS no_statistics, toasted, mixed_alignment
FROM tables
UNION ALL
SELECT 'index', oid, schema, name, table_name, pages * current_setting('block_size')::bigint,
       current_setting('block_size')::bigint * CASE WHEN reltuples < 0 OR reltuples > 0 AND columns_with_statistics < columns THEN NULL
            -- 4-byte line pointer, 8-byte index tuple header, the keys aligned to 8; 16-byte btree special
            -- space per page, and the metapage
            ELSE 1 + ceil(reltuples * (4 + 8 + 8 * ceil(data_width / 8))
                          / ((current_setting('block_size')::int - 24 - 16) * fillfactor / 100.0)) END,
       reltuples < 0 OR reltuples > 0 AND columns_with_statistics < columns, false, false
FROM indexes
ORDER BY 3, 4
