-- Blocks found in shared buffers and blocks read from outside them, since the statistics were reset, for
-- the user tables (heap and TOAST) and their indexes: the statistics functions on each relation, without
-- the pg_statio_* views' joins (half the time at 10,000 tables).
WITH relations AS (
    SELECT c.oid, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm', 't', 'i') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
)
SELECT COALESCE(sum(pg_stat_get_blocks_hit(oid)) FILTER (WHERE relkind <> 'i'), 0)::bigint AS table_hit,
       COALESCE(sum(pg_stat_get_blocks_fetched(oid) - pg_stat_get_blocks_hit(oid)) FILTER (WHERE relkind <> 'i'), 0)::bigint AS table_read,
       COALESCE(sum(pg_stat_get_blocks_hit(oid)) FILTER (WHERE relkind = 'i'), 0)::bigint AS index_hit,
       COALESCE(sum(pg_stat_get_blocks_fetched(oid) - pg_stat_get_blocks_hit(oid)) FILTER (WHERE relkind = 'i'), 0)::bigint AS index_read
FROM relations
