-- Every table's statistics and sizes, without reading a row. The statistics come from the
-- pg_stat_get_* functions on each table's oid (what pg_stat_user_tables and pg_statio_user_tables
-- call, without their extra scans of pg_class). The sizes are the planner's page counts of the heap,
-- its indexes, its TOAST table and TOAST index: pg_relation_size() would stat() every file and lock
-- every relation, and a page must never wait behind an ACCESS EXCLUSIVE lock (ankane/pghero#444);
-- relpages takes no lock and is as fresh as the last VACUUM, ANALYZE or CREATE INDEX.
-- Tables that belong to an extension, and those of the system schemas, are left out.
WITH indexes AS (
    -- every index's pages and scans summed per table in one pass (a subquery per table costs twice as much)
    SELECT i.indrelid, sum(ic.relpages)::bigint AS pages, sum(pg_stat_get_numscans(i.indexrelid))::bigint AS scans
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
    GROUP BY i.indrelid
)
SELECT c.oid, n.nspname AS schema, c.relname AS name,
       pg_stat_get_live_tuples(c.oid) AS live_tuples, pg_stat_get_dead_tuples(c.oid) AS dead_tuples,
       -- times as epoch milliseconds: the driver parses a timestamp text ten times slower than a number
       (extract(epoch FROM pg_stat_get_last_vacuum_time(c.oid)) * 1000)::bigint AS last_vacuum,
       (extract(epoch FROM pg_stat_get_last_autovacuum_time(c.oid)) * 1000)::bigint AS last_autovacuum,
       (extract(epoch FROM pg_stat_get_last_analyze_time(c.oid)) * 1000)::bigint AS last_analyze,
       (extract(epoch FROM pg_stat_get_last_autoanalyze_time(c.oid)) * 1000)::bigint AS last_autoanalyze,
       pg_stat_get_vacuum_count(c.oid) AS vacuum_count, pg_stat_get_autovacuum_count(c.oid) AS autovacuum_count,
       c.relpages::bigint * current_setting('block_size')::bigint AS heap_bytes,
       COALESCE(ix.pages, 0) * current_setting('block_size')::bigint AS index_bytes,
       (COALESCE(tc.relpages, 0)::bigint + COALESCE(tix.pages, 0)) * current_setting('block_size')::bigint AS toast_bytes,
       CASE WHEN c.relkind IN ('r', 'm') THEN age(c.relfrozenxid) ELSE 0 END AS xid_age,
       pg_stat_get_numscans(c.oid) AS seq_scans,
       COALESCE(ix.scans, 0) AS index_scans,
       pg_stat_get_blocks_hit(c.oid) + COALESCE(pg_stat_get_blocks_hit(tc.oid), 0) AS blocks_hit,
       pg_stat_get_blocks_fetched(c.oid) - pg_stat_get_blocks_hit(c.oid)
           + COALESCE(pg_stat_get_blocks_fetched(tc.oid) - pg_stat_get_blocks_hit(tc.oid), 0) AS blocks_read
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
LEFT JOIN indexes ix ON ix.indrelid = c.oid
LEFT JOIN indexes tix ON tix.indrelid = c.reltoastrelid
WHERE c.relkind IN ('r', 'm', 'p')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND c.oid NOT IN (SELECT d.objid FROM pg_extension x
                    JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = x.oid
                    WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')
ORDER BY n.nspname, c.relname
