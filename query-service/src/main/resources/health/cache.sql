-- Blocks found in shared buffers and blocks read from outside them, since the statistics were reset,
-- for the user tables (heap and TOAST) and their indexes.
SELECT (SELECT COALESCE(sum(heap_blks_hit + COALESCE(toast_blks_hit, 0)), 0) FROM pg_statio_user_tables)::bigint AS table_hit,
       (SELECT COALESCE(sum(heap_blks_read + COALESCE(toast_blks_read, 0)), 0) FROM pg_statio_user_tables)::bigint AS table_read,
       (SELECT COALESCE(sum(idx_blks_hit), 0) FROM pg_statio_user_indexes)::bigint AS index_hit,
       (SELECT COALESCE(sum(idx_blks_read), 0) FROM pg_statio_user_indexes)::bigint AS index_read
